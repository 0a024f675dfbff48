import { Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { EmptyState } from '../../components/empty-state'
import { plainDescription, useJobLabels } from './job-labels'
import { JobName } from './job-name'
import type { JobsOverview } from './jobs-api'

export function CatalogTable({ catalog }: { catalog: JobsOverview['catalog'] }) {
  const { t } = useTranslation()
  const { jobLabel, scheduleLabel } = useJobLabels(catalog)
  if (catalog.length === 0) return <EmptyState title={t('admin.jobs.catalog.empty')} />

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.jobs.catalog.name')}</Table.Th>
            <Table.Th>{t('admin.jobs.catalog.description')}</Table.Th>
            <Table.Th>{t('admin.jobs.catalog.schedule')}</Table.Th>
            <Table.Th ta="end">{t('admin.jobs.catalog.retryLimit')}</Table.Th>
            <Table.Th ta="end">{t('admin.jobs.catalog.timeout')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {catalog.map((job) => (
            <Table.Tr key={job.name}>
              <Table.Td>
                <JobName label={jobLabel(job.name)} name={job.name} />
              </Table.Td>
              <Table.Td fz="sm">{plainDescription(job.description)}</Table.Td>
              <Table.Td>
                {job.schedule ? (
                  <Text size="sm">{scheduleLabel(job.schedule)}</Text>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('admin.jobs.catalog.onDemand')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="end">{job.retry_limit}</Table.Td>
              <Table.Td ta="end">
                {t('admin.jobs.catalog.seconds', { seconds: job.timeout_seconds })}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
