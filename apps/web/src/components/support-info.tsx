import { ActionIcon, Code, CopyButton, Group, Text, Tooltip } from '@mantine/core'
import { IconCheck, IconCopy } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../api/client'

/** The error code and request id, in small print, for a person to quote to support. */
export function SupportInfo({ error }: { error: ApiError }) {
  const { t } = useTranslation()
  return (
    <Group gap="md" wrap="wrap" aria-label={t('common.errors.forSupport')} role="note">
      <Text size="xs" c="dimmed">
        {t('common.errors.forSupport')} · {t('common.errors.code')}: <Code dir="ltr">{error.code}</Code>
      </Text>
      {error.requestId && (
        <Group gap={4} wrap="nowrap">
          <Text size="xs" c="dimmed">
            {t('common.errors.requestId')}: <Code dir="ltr">{error.requestId}</Code>
          </Text>
          <CopyButton value={error.requestId}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? t('common.errors.copied') : t('common.errors.copy')} withArrow>
                <ActionIcon
                  size="sm"
                  variant="subtle"
                  color="gray"
                  onClick={copy}
                  aria-label={t('common.errors.copy')}
                >
                  {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
      )}
    </Group>
  )
}
