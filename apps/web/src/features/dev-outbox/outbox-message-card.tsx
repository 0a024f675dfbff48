import { ActionIcon, Badge, Card, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core'
import { IconCheck, IconCopy, IconMail, IconMessage } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { LtrText } from '../../components/ltr-text'
import { formatDateTime } from '../../lib/format'
import { findCode, MessageBody } from './message-body'
import type { OutboxMessage } from './outbox-api'

/** One sent message: channel, recipient, subject, time, and the text with a copyable code. */
export function OutboxMessageCard({ message }: { message: OutboxMessage }) {
  const { t, i18n } = useTranslation()
  const code = findCode(message.body)
  const isEmail = message.channel === 'email'

  return (
    <Card component="article" padding="md">
      <Group justify="space-between" align="flex-start" gap="sm" mb="xs" wrap="nowrap">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Badge
              variant="light"
              color={isEmail ? 'blue' : 'green'}
              leftSection={isEmail ? <IconMail size={12} /> : <IconMessage size={12} />}
            >
              {message.channel}
            </Badge>
            <LtrText size="sm" fw={600} truncate>
              {message.recipient}
            </LtrText>
          </Group>
          {message.subject && (
            <Text size="sm" c="dimmed">
              {message.subject}
            </Text>
          )}
        </Stack>
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {formatDateTime(message.created_at, i18n.language)}
        </Text>
      </Group>
      <MessageBody body={message.body} />
      {code && (
        <Group gap="xs" mt="sm">
          <Text size="sm" c="dimmed">
            {t('dev.outbox.code')}
          </Text>
          <Text ff="monospace" fw={700} size="lg" style={{ letterSpacing: 2 }}>
            {code}
          </Text>
          <CopyButton value={code}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? t('dev.outbox.copied') : t('dev.outbox.copy')} withArrow>
                <ActionIcon variant="light" onClick={copy} aria-label={t('dev.outbox.copy')}>
                  {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
      )}
    </Card>
  )
}
