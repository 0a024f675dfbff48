import { Badge, Group, Stack } from '@mantine/core'
import { IconInbox } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { EmptyState } from '../../components/empty-state'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { BOARD_STAGES, CLOSED_STAGES, useApplications } from '../applications/applications-api'
import { ApplicationsTable } from '../applications/applications-table'
import { useVocab } from '../reference/use-vocab'

/** The hiring team's view of a role's incoming candidates, with counts per stage. */
export function RoleSubmissions({ roleId }: { roleId: string }) {
  const { t } = useTranslation()
  const { label } = useVocab()
  const applications = useApplications({ role_id: roleId })

  if (applications.isPending) return <LoadingState />
  if (applications.isError)
    return <ErrorAlert error={applications.error} onRetry={() => applications.refetch()} />
  const list = applications.data.data
  if (list.length === 0) {
    return (
      <EmptyState
        icon={<IconInbox size={28} stroke={1.5} />}
        title={t('splits.roleDetail.noSubmissions')}
        description={t('splits.roleDetail.noSubmissionsHint')}
      />
    )
  }
  const counts = [...BOARD_STAGES, ...CLOSED_STAGES]
    .map((stage) => [stage, list.filter((a) => a.stage === stage).length] as const)
    .filter(([, n]) => n > 0)

  return (
    <Stack>
      <Group gap="xs">
        {counts.map(([stage, n]) => (
          <Badge key={stage} variant="default" tt="none" size="lg">
            {label('stages', stage)} · {n}
          </Badge>
        ))}
      </Group>
      <ApplicationsTable applications={list} />
    </Stack>
  )
}
