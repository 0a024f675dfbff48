import { Select, Text } from '@mantine/core'
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
import { type DeadJob, useDeadJobs, useRetryDeadJob } from './jobs-api'

export function DeadJobsSection({ queueNames }: { queueNames: string[] }) {
  const { t } = useTranslation()
  const [queue, setQueue] = useState<string | null>(null)
  const dead = useDeadJobs(queue)
  const retry = useRetryDeadJob()

  const confirmRetry = (job: DeadJob) =>
    modals.openConfirmModal({
      title: t('admin.jobs.dead.confirmTitle'),
      children: <Text size="sm">{t('admin.jobs.dead.confirmBody', { id: job.id, queue: job.queue })}</Text>,
      labels: { confirm: t('admin.jobs.dead.confirmLabel'), cancel: t('admin.jobs.dead.cancel') },
      onConfirm: () =>
        retry.mutate(job, {
          onSuccess: () =>
            notifications.show({
              color: 'teal',
              message: t('admin.jobs.dead.retried', { queue: job.queue }),
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
      data={queueNames}
      value={queue}
      onChange={setQueue}
      clearable
      size="xs"
      w={200}
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
          <DeadJobsTable
            jobs={dead.data.data}
            onRetry={confirmRetry}
            retryingId={retry.isPending ? retry.variables?.id : undefined}
          />
        ))}
    </SectionCard>
  )
}
