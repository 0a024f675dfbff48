import { Alert, Badge, Container, Group, Stack } from '@mantine/core'
import { IconInbox, IconInfoCircle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client'
import { usePageTitle } from '../../app/use-page-title'
import { EmptyState } from '../../components/empty-state'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { useDevOutbox } from './outbox-api'
import { OutboxMessageCard } from './outbox-message-card'

/** Demo mode: every email and text message the platform "sent", so anyone can sign in as a persona. */
export function OutboxPage() {
  const { t } = useTranslation()
  usePageTitle(t('dev.outbox.pageTitle'))
  const outbox = useDevOutbox()
  const notDemo = outbox.error instanceof ApiError && outbox.error.status === 404

  return (
    <Container size="md" py="xl">
      <PageHeader
        title={t('dev.outbox.title')}
        description={t('dev.outbox.description')}
        actions={
          outbox.isSuccess && (
            <Group gap={6}>
              <Badge variant="dot" color="teal">
                {t('dev.outbox.live')}
              </Badge>
            </Group>
          )
        }
      />
      {outbox.isPending && <LoadingState />}
      {notDemo && (
        <Alert variant="light" icon={<IconInfoCircle size={20} />} title={t('dev.outbox.notDemoTitle')}>
          {t('dev.outbox.notDemo')}
        </Alert>
      )}
      {outbox.isError && !notDemo && <ErrorAlert error={outbox.error} onRetry={() => outbox.refetch()} />}
      {outbox.isSuccess &&
        (outbox.data.data.length === 0 ? (
          <EmptyState
            icon={<IconInbox size={28} stroke={1.5} />}
            title={t('dev.outbox.emptyTitle')}
            description={t('dev.outbox.emptyDescription')}
          />
        ) : (
          <Stack gap="md">
            {outbox.data.data.map((message) => (
              <OutboxMessageCard key={message.id} message={message} />
            ))}
          </Stack>
        ))}
    </Container>
  )
}
