import { Badge, Group, Stack, Text, UnstyledButton } from '@mantine/core'
import { IconMessageQuestion, IconMessages } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { usePageTitle } from '../../app/use-page-title'
import { EmptyState } from '../../components/empty-state'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { RelativeTime } from '../../components/relative-time'
import { SectionCard } from '../../components/section-card'
import { useMySplitsConversations } from './splits-chat-api'

/** My conversations about applications and roles, latest first, with unread counts. */
export function SplitsMessagesPage() {
  const { t } = useTranslation()
  usePageTitle(t('splitsChat.inbox.title'))
  const mine = useMySplitsConversations()
  return (
    <>
      <PageHeader title={t('splitsChat.inbox.title')} description={t('splitsChat.inbox.description')} />
      <SectionCard title={t('splitsChat.inbox.list')}>
        {mine.isPending && <LoadingState />}
        {mine.isError && <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} />}
        {mine.data && mine.data.data.length === 0 && (
          <EmptyState icon={<IconMessages size={28} stroke={1.5} />} title={t('splitsChat.inbox.empty')} />
        )}
        <Stack gap={0}>
          {mine.data?.data.map((c) => (
            <UnstyledButton
              key={c.conversation_id}
              component={Link}
              to={c.link}
              py="sm"
              px="xs"
              style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
              data-testid="inbox-row"
            >
              <Group justify="space-between" wrap="nowrap" gap="sm">
                <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
                  {c.kind === 'application' ? (
                    <IconMessages size={18} style={{ flexShrink: 0 }} />
                  ) : (
                    <IconMessageQuestion size={18} style={{ flexShrink: 0 }} />
                  )}
                  <Text size="sm" fw={c.unread > 0 ? 600 : 400} lineClamp={1}>
                    {c.title}
                  </Text>
                </Group>
                <Group gap="xs" wrap="nowrap">
                  {c.last_message_at && <RelativeTime value={c.last_message_at} size="xs" c="dimmed" />}
                  {c.unread > 0 && (
                    <Badge size="sm" circle color="red">
                      {c.unread}
                    </Badge>
                  )}
                </Group>
              </Group>
            </UnstyledButton>
          ))}
        </Stack>
      </SectionCard>
    </>
  )
}
