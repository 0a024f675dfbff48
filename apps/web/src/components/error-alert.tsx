import { ActionIcon, Alert, Button, Code, CopyButton, Group, List, Stack, Text, Tooltip } from '@mantine/core'
import { IconAlertTriangle, IconCheck, IconCopy, IconRefresh } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { ApiError, errorMessage } from '../api/client'

interface ErrorAlertProps {
  error: unknown
  /** Overrides the problem's own title, e.g. "Could not retry the job". */
  title?: string
  onRetry?: () => void
}

/** Shows any thrown value; for API problems also the field errors, the code and the request id to quote. */
export function ErrorAlert({ error, title, onRetry }: ErrorAlertProps) {
  const { t } = useTranslation()
  const problem = error instanceof ApiError ? error : undefined

  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={20} />}
      title={title ?? t('common.errors.title')}
    >
      <Stack gap="xs">
        <Text size="sm">{errorMessage(error, t)}</Text>
        {problem && problem.fieldErrors.length > 0 && (
          <List size="sm" spacing={2}>
            {problem.fieldErrors.map((fieldError) => (
              <List.Item key={`${fieldError.field}:${fieldError.message}`}>
                <Code>{fieldError.field}</Code> {fieldError.message}
              </List.Item>
            ))}
          </List>
        )}
        {problem && (
          <Group gap="md" wrap="wrap">
            <Text size="xs" c="dimmed">
              {t('common.errors.code')}: <Code>{problem.code}</Code>
            </Text>
            {problem.requestId && <RequestId id={problem.requestId} />}
          </Group>
        )}
        {onRetry && (
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
      </Stack>
    </Alert>
  )
}

function RequestId({ id }: { id: string }) {
  const { t } = useTranslation()
  return (
    <Group gap={4} wrap="nowrap">
      <Text size="xs" c="dimmed">
        {t('common.errors.requestId')}: <Code dir="ltr">{id}</Code>
      </Text>
      <CopyButton value={id}>
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
  )
}
