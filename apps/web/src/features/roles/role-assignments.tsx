import { ActionIcon, Alert, Group, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconX } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../api/client'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { RecruiterSelect } from '../recruiters/recruiter-select'
import { type Role, useRoleAssignments, useSetAssignments } from './roles-api'

/** For a role shared with assigned recruiters only: who they are, adding and removing them. */
export function RoleAssignments({ role }: { role: Role }) {
  const { t } = useTranslation()
  const assignments = useRoleAssignments(role.id)
  const save = useSetAssignments(role.id)
  const assigned = assignments.data?.data ?? []
  const ids = assigned.map((a) => a.recruiter_id)
  const change = (next: string[]) =>
    save.mutate(next, {
      onSuccess: () => notifications.show({ color: 'teal', message: t('splits.assignments.saved') }),
    })

  if (assignments.isPending) return <LoadingState minHeight={80} />
  if (assignments.isError)
    return <ErrorAlert error={assignments.error} onRetry={() => assignments.refetch()} />
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('splits.assignments.hint')}
      </Text>
      {assigned.length === 0 && <Text size="sm">{t('splits.assignments.none')}</Text>}
      {assigned.map((a) => (
        <Group key={a.recruiter_id} justify="space-between" maw={420}>
          <Text size="sm" fw={500}>
            {a.display_name}
          </Text>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('splits.assignments.remove', { name: a.display_name })}
            onClick={() => change(ids.filter((id) => id !== a.recruiter_id))}
            loading={save.isPending}
          >
            <IconX size={16} />
          </ActionIcon>
        </Group>
      ))}
      <div style={{ maxWidth: 420 }}>
        <RecruiterSelect
          value={null}
          known={[]}
          label={t('splits.assignments.add')}
          onChange={(id) => id && !ids.includes(id) && change([...ids, id])}
        />
      </div>
      {save.isError && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
          {errorMessage(save.error, t)}
        </Alert>
      )}
    </Stack>
  )
}
