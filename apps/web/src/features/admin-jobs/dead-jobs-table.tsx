import { Button, Table, Text } from '@mantine/core'
import { IconRotateClockwise } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../../lib/format'
import { useJobLabels } from './job-labels'
import { JobName } from './job-name'
import type { DeadJob, JobsOverview } from './jobs-api'

interface DeadJobsTableProps {
  jobs: DeadJob[]
  catalog: JobsOverview['catalog']
  onRetry: (job: DeadJob) => void
  /** The job whose retry is in flight, to show its button as loading. */
  retryingId?: string
}

/** The API stores whatever the job threw; show its message when it has one. */
function describeError(error: unknown): string {
  if (typeof error === 'string') return error
  if (error && typeof error === 'object' && 'message' in error && typeof error.message === 'string') {
    return error.message
  }
  return JSON.stringify(error)
}

export function DeadJobsTable({ jobs, catalog, onRetry, retryingId }: DeadJobsTableProps) {
  const { t, i18n } = useTranslation()
  const { queueLabel } = useJobLabels(catalog)

  return (
    <Table.ScrollContainer minWidth={760}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.jobs.dead.id')}</Table.Th>
            <Table.Th>{t('admin.jobs.dead.queue')}</Table.Th>
            <Table.Th>{t('admin.jobs.dead.error')}</Table.Th>
            <Table.Th ta="end">{t('admin.jobs.dead.retries')}</Table.Th>
            <Table.Th>{t('admin.jobs.dead.deadSince')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {jobs.map((job) => (
            <Table.Tr key={`${job.queue}/${job.id}`}>
              <Table.Td ff="monospace" fz="xs" title={job.id}>
                {job.id.slice(0, 8)}
              </Table.Td>
              <Table.Td>
                <JobName label={queueLabel(job.queue)} name={job.queue} />
              </Table.Td>
              <Table.Td maw={320}>
                <Text size="sm" c="red" lineClamp={2} title={describeError(job.error)}>
                  {describeError(job.error)}
                </Text>
              </Table.Td>
              <Table.Td ta="end">{job.retry_count}</Table.Td>
              <Table.Td fz="sm">{formatDateTime(job.dead_since, i18n.language)}</Table.Td>
              <Table.Td ta="end">
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconRotateClockwise size={14} />}
                  loading={retryingId === job.id}
                  onClick={() => onRetry(job)}
                >
                  {t('admin.jobs.dead.retry')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
