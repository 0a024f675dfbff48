import { Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { LinkedRow, RowLink } from '../../components/linked-row'
import { RelativeTime } from '../../components/relative-time'
import { RowCard, RowCards } from '../../components/row-card'
import { useIsPhone } from '../../components/use-is-phone'
import { daysSince } from '../../lib/format'
import { VocabBadge } from '../reference/vocab-badge'
import type { ApplicationSummary } from './applications-api'

interface ApplicationsTableProps {
  applications: ApplicationSummary[]
  showRole?: boolean
  showCompany?: boolean
  showRecruiter?: boolean
}

/** Submissions, one per row; a row opens the application. */
export function ApplicationsTable({
  applications,
  showRole = false,
  showCompany = false,
  showRecruiter = true,
}: ApplicationsTableProps) {
  const { t } = useTranslation()
  const phone = useIsPhone()

  if (phone) {
    return (
      <RowCards label={t('splits.applications.listLabel')}>
        {applications.map((a) => (
          <RowCard
            key={a.id}
            to={`/splits/applications/${a.id}`}
            title={a.candidate.name}
            subtitle={a.candidate.title ?? undefined}
            badges={<VocabBadge kind="stages" code={a.stage} />}
            fields={[
              ...(showRole ? [{ label: t('splits.applications.role'), value: a.role.title }] : []),
              ...(showCompany ? [{ label: t('splits.applications.company'), value: a.company.name }] : []),
              ...(showRecruiter
                ? [{ label: t('splits.applications.recruiter'), value: a.recruiter.name }]
                : []),
              {
                label: t('splits.applications.inStage'),
                value: t('splits.applications.days', { count: daysSince(a.stage_changed_at) }),
              },
              {
                label: t('splits.applications.submitted'),
                value: <RelativeTime value={a.submitted_at} size="sm" />,
              },
            ]}
          />
        ))}
      </RowCards>
    )
  }

  return (
    <Table.ScrollContainer minWidth={640}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('splits.applications.candidate')}</Table.Th>
            {showRole && <Table.Th>{t('splits.applications.role')}</Table.Th>}
            {showCompany && <Table.Th>{t('splits.applications.company')}</Table.Th>}
            {showRecruiter && <Table.Th>{t('splits.applications.recruiter')}</Table.Th>}
            <Table.Th>{t('splits.applications.stage')}</Table.Th>
            <Table.Th>{t('splits.applications.inStage')}</Table.Th>
            <Table.Th>{t('splits.applications.submitted')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {applications.map((a) => (
            <LinkedRow key={a.id} to={`/splits/applications/${a.id}`}>
              <Table.Td>
                <RowLink to={`/splits/applications/${a.id}`}>{a.candidate.name}</RowLink>
                {a.candidate.title && (
                  <Text size="xs" c="dimmed">
                    {a.candidate.title}
                  </Text>
                )}
              </Table.Td>
              {showRole && (
                <Table.Td>
                  <Text size="sm">{a.role.title}</Text>
                </Table.Td>
              )}
              {showCompany && (
                <Table.Td>
                  <Text size="sm">{a.company.name}</Text>
                </Table.Td>
              )}
              {showRecruiter && (
                <Table.Td>
                  <Text size="sm">{a.recruiter.name}</Text>
                </Table.Td>
              )}
              <Table.Td>
                <VocabBadge kind="stages" code={a.stage} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {t('splits.applications.days', { count: daysSince(a.stage_changed_at) })}
                </Text>
              </Table.Td>
              <Table.Td>
                <RelativeTime value={a.submitted_at} size="sm" />
              </Table.Td>
            </LinkedRow>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
