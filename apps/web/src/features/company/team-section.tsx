import { Divider, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { RelativeTime } from '../../components/relative-time'
import { RoleBadge } from '../../components/role-badge'
import { AddMemberForm } from './add-member-form'
import { useCompanyTeam } from './company-api'

/** The hiring team, and (for company admins) a form to add someone. */
export function TeamSection({ companyId, canEdit }: { companyId: string; canEdit: boolean }) {
  const { t } = useTranslation()
  const team = useCompanyTeam(companyId)

  return (
    <Stack>
      {team.isPending && <LoadingState />}
      {team.isError && <ErrorAlert error={team.error} onRetry={() => team.refetch()} />}
      {team.isSuccess && (
        <Table.ScrollContainer minWidth={480}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('splits.team.name')}</Table.Th>
                <Table.Th>{t('splits.team.role')}</Table.Th>
                <Table.Th>{t('splits.team.since')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {team.data.data.map((m) => (
                <Table.Tr key={m.membership_id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {m.display_name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <RoleBadge role={m.role} />
                  </Table.Td>
                  <Table.Td>
                    <RelativeTime value={m.created_at} size="sm" />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canEdit && (
        <>
          <Divider />
          <Title order={3} fz="sm">
            {t('splits.team.addTitle')}
          </Title>
          <AddMemberForm companyId={companyId} />
        </>
      )}
    </Stack>
  )
}
