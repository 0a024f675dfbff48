import { Alert, Select, Stack, Text } from '@mantine/core'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import { IconCircleCheck } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../api/client'
import { EmptyState } from '../../components/empty-state'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { SectionCard } from '../../components/section-card'
import { DeadJobsTable } from './dead-jobs-table'
import { useJobLabels } from './job-labels'
import { DEAD_JOBS_LIMIT, type DeadJob, type JobsOverview, useDeadJobs, useRetryDeadJob } from './jobs-api'

export function DeadJobsSection({ catalog }: { catalog: JobsOverview['catalog'] }) {
  const { t } = useTranslation()
  const { jobLabel, queueLabel } = useJobLabels(catalog)
  const [queue, setQueue] = useState<string | null>(null)
  const dead = useDeadJobs(queue)
  const retry = useRetryDeadJob()

  const confirmRetry = (job: DeadJob) =>
    modals.openConfirmModal({
      title: t('admin.jobs.dead.confirmTitle'),
      children: (
        <Text size="sm">
          {t('admin.jobs.dead.confirmBody', { id: job.id, queue: queueLabel(job.queue) })}
        </Text>
      ),
      labels: { confirm: t('admin.jobs.dead.confirmLabel'), cancel: t('admin.jobs.dead.cancel') },
      onConfirm: () =>
        retry.mutate(job, {
          onSuccess: () =>
            notifications.show({
              color: 'teal',
              message: t('admin.jobs.dead.retried', { queue: queueLabel(job.queue) }),
            }),
          onError: (err) =>
            notifications.show({
              color: 'red',
              title: t('admin.jobs.dead.retryFailed'),
              message: errorMessage(err, t),
            }),
        }),
    })

  const filter = (
    <Select
      aria-label={t('admin.jobs.dead.filter')}
      placeholder={t('admin.jobs.dead.allQueues')}
      data={catalog.map((job) => ({ value: job.name, label: jobLabel(job.name) }))}
      value={queue}
      onChange={setQueue}
      clearable
      size="xs"
      w={260}
    />
  )

  return (
    <SectionCard title={t('admin.jobs.dead.title')} actions={filter}>
      {dead.isPending && <LoadingState />}
      {dead.isError && <ErrorAlert error={dead.error} onRetry={() => dead.refetch()} />}
      {dead.isSuccess &&
        (dead.data.data.length === 0 ? (
          <EmptyState
            icon={<IconCircleCheck size={28} stroke={1.5} />}
            title={t('admin.jobs.dead.emptyTitle')}
            description={t('admin.jobs.dead.emptyDescription')}
          />
        ) : (
          <Stack gap="sm">
            {dead.data.data.length >= DEAD_JOBS_LIMIT && (
              <Alert variant="light" color="yellow">
                {t('admin.jobs.dead.capped', { count: dead.data.data.length })}
              </Alert>
            )}
            <DeadJobsTable
              jobs={dead.data.data}
              catalog={catalog}
              onRetry={confirmRetry}
              retryingId={retry.isPending ? retry.variables?.id : undefined}
            />
          </Stack>
        ))}
    </SectionCard>
  )
}
