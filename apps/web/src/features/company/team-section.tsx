import { Badge, Button, Divider, Group, Stack, Table, Text, Title } from '@mantine/core'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import { IconMailX } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../api/client'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { RelativeTime } from '../../components/relative-time'
import { RoleBadge } from '../../components/role-badge'
import { AddMemberForm } from './add-member-form'
import { type TeamEntry, useCompanyTeam, useRevokeTeamInvitation } from './team-api'

/**
 * The hiring team: who is on it, and for company admins who has been invited (until they accept,
 * they hold nothing), with a way to withdraw an invitation and to invite someone.
 */
export function TeamSection({ companyId, canEdit }: { companyId: string; canEdit: boolean }) {
  const { t } = useTranslation()
  const team = useCompanyTeam(companyId)
  const revoke = useRevokeTeamInvitation(companyId)

  const confirmRevoke = (entry: TeamEntry) =>
    modals.openConfirmModal({
      title: t('splits.team.revokeTitle'),
      children: (
        <Text size="sm">{t('splits.team.revokeBody', { name: entry.display_name, email: entry.email })}</Text>
      ),
      labels: { confirm: t('splits.team.revoke'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        revoke.mutate(entry.id, {
          onSuccess: () =>
            notifications.show({
              color: 'teal',
              message: t('splits.team.revoked', { name: entry.display_name }),
            }),
          onError: (err) =>
            notifications.show({
              color: 'red',
              title: t('splits.team.revokeFailed'),
              message: errorMessage(err, t),
            }),
        }),
    })

  const entries = team.data?.data ?? []
  return (
    <Stack>
      {team.isPending && <LoadingState />}
      {team.isError && <ErrorAlert error={team.error} onRetry={() => team.refetch()} />}
      {team.isSuccess && (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label={t('splits.team.tableLabel')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('splits.team.name')}</Table.Th>
                <Table.Th>{t('splits.team.role')}</Table.Th>
                <Table.Th>{t('splits.team.status')}</Table.Th>
                <Table.Th>{t('splits.team.since')}</Table.Th>
                {canEdit && <Table.Th aria-label={t('splits.team.actions')} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((m) => (
                <Table.Tr key={m.id} data-status={m.status}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {m.display_name}
                    </Text>
                    {m.email && (
                      <Text size="xs" c="dimmed">
                        {m.email}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <RoleBadge role={m.role} />
                  </Table.Td>
                  <Table.Td>
                    {m.status === 'active' ? (
                      <Badge color="teal" variant="light">
                        {t('splits.team.active')}
                      </Badge>
                    ) : (
                      <Stack gap={2}>
                        <Badge color="yellow" variant="light">
                          {t('splits.team.invited')}
                        </Badge>
                        {m.expires_at && (
                          <Group gap={4} wrap="nowrap">
                            <Text size="xs" c="dimmed">
                              {t('splits.team.expires')}
                            </Text>
                            <RelativeTime value={m.expires_at} size="xs" c="dimmed" />
                          </Group>
                        )}
                      </Stack>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <RelativeTime value={m.created_at} size="sm" />
                  </Table.Td>
                  {canEdit && (
                    <Table.Td>
                      {m.status === 'invited' && (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          leftSection={<IconMailX size={14} />}
                          loading={revoke.isPending && revoke.variables === m.id}
                          onClick={() => confirmRevoke(m)}
                        >
                          {t('splits.team.revoke')}
                        </Button>
                      )}
                    </Table.Td>
                  )}
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
          <Text size="sm" c="dimmed">
            {t('splits.team.addHint')}
          </Text>
          <AddMemberForm companyId={companyId} />
        </>
      )}
    </Stack>
  )
}
