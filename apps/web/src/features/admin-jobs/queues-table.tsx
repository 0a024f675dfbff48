import { Badge, Table } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { EmptyState } from '../../components/empty-state'
import { formatNumber } from '../../lib/format'
import { useJobLabels } from './job-labels'
import { JobName } from './job-name'
import type { JobsOverview } from './jobs-api'

export function QueuesTable({
  queues,
  catalog,
}: {
  queues: JobsOverview['queues']
  catalog: JobsOverview['catalog']
}) {
  const { t, i18n } = useTranslation()
  const { queueLabel } = useJobLabels(catalog)
  if (queues.length === 0) return <EmptyState title={t('admin.jobs.queues.empty')} />
  const n = (value: number) => formatNumber(value, i18n.language)

  return (
    <Table.ScrollContainer minWidth={520}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.jobs.queues.name')}</Table.Th>
            <Table.Th ta="end">{t('admin.jobs.queues.queued')}</Table.Th>
            <Table.Th ta="end">{t('admin.jobs.queues.active')}</Table.Th>
            <Table.Th ta="end">{t('admin.jobs.queues.failed')}</Table.Th>
            <Table.Th ta="end">{t('admin.jobs.queues.total')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {queues.map((queue) => (
            <Table.Tr key={queue.name}>
              <Table.Td>
                <JobName label={queueLabel(queue.name)} name={queue.name} />
              </Table.Td>
              <Table.Td ta="end">{n(queue.queued)}</Table.Td>
              <Table.Td ta="end">{n(queue.active)}</Table.Td>
              <Table.Td ta="end">
                {queue.failed > 0 ? (
                  <Badge color="red" variant="light">
                    {n(queue.failed)}
                  </Badge>
                ) : (
                  n(queue.failed)
                )}
              </Table.Td>
              <Table.Td ta="end" fw={600}>
                {n(queue.total)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
