import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { ApiError, errorMessage } from '../api/client'
import { SupportInfo } from './support-info'

interface ErrorAlertProps {
  error: unknown
  /** Overrides the generic title, e.g. "Could not retry the job". */
  title?: string
  /** Offered only when trying again can help (network failures, server errors), never for a refusal. */
  onRetry?: () => void
}

/**
 * A failure in words people understand (the server's user_message, else a sentence per error code),
 * with the code and request id in small print for support.
 */
export function ErrorAlert({ error, title, onRetry }: ErrorAlertProps) {
  const { t } = useTranslation()
  const problem = error instanceof ApiError ? error : undefined
  const retryable = problem?.isRetryable ?? false

  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={20} />}
      title={title ?? t('common.errors.title')}
    >
      <Stack gap="xs">
        <Text size="sm">{errorMessage(error, t)}</Text>
        {onRetry && retryable && (
          <Group>
            <Button
              size="xs"
              variant="light"
              color="red"
              leftSection={<IconRefresh size={14} />}
              onClick={onRetry}
            >
              {t('common.errors.retry')}
            </Button>
          </Group>
        )}
        {problem && <SupportInfo error={problem} />}
      </Stack>
    </Alert>
  )
}
