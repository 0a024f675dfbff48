import { Anchor, Table, Text } from '@mantine/core'
import { IconSend } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { EmptyState } from '../../components/empty-state'
import { RelativeTime } from '../../components/relative-time'
import { VocabBadge } from '../reference/vocab-badge'
import type { Candidate } from './candidates-api'

/** Where the person was submitted and how far each got. */
export function CandidateApplications({ applications }: { applications: Candidate['applications'] }) {
  const { t } = useTranslation()
  if (applications.length === 0) {
    return (
      <EmptyState
        icon={<IconSend size={28} stroke={1.5} />}
        title={t('splits.candidate.noApplications')}
        description={t('splits.candidate.noApplicationsHint')}
      >
        <Anchor component={Link} to="/splits/roles" size="sm">
          {t('splits.candidate.browseRoles')}
        </Anchor>
      </EmptyState>
    )
  }
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('splits.applications.role')}</Table.Th>
            <Table.Th>{t('splits.applications.company')}</Table.Th>
            <Table.Th>{t('splits.applications.stage')}</Table.Th>
            <Table.Th>{t('splits.applications.submitted')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {applications.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <Anchor component={Link} to={`/splits/applications/${a.id}`} size="sm" fw={600}>
                  {a.role_title}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{a.company_name}</Text>
              </Table.Td>
              <Table.Td>
                <VocabBadge kind="stages" code={a.stage} />
              </Table.Td>
              <Table.Td>
                <RelativeTime value={a.submitted_at} size="sm" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
