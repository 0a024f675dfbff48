import { Button, Group, Stack, Text } from '@mantine/core'
import { IconFilterOff, IconInbox } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { EmptyState } from '../../components/empty-state'
import { ErrorAlert } from '../../components/error-alert'
import { LoadMore } from '../../components/load-more'
import { LoadingState } from '../../components/loading-state'
import { ALL_STAGES, loadedRows, type Stage, useApplications } from '../applications/applications-api'
import { ApplicationsTable } from '../applications/applications-table'
import { useVocab } from '../reference/use-vocab'

const isStage = (value: string | null): value is Stage => ALL_STAGES.includes(value as Stage)

/**
 * The hiring team's view of a role's incoming candidates. The counts per stage are filters: a click
 * shows only that stage (asked of the server, so it pages like the full list), a second click or
 * "Show all" clears it. The active stage is kept in the address (?stage=).
 */
export function RoleSubmissions({ roleId }: { roleId: string }) {
  const { t } = useTranslation()
  const { label } = useVocab()
  const [params, setParams] = useSearchParams()
  const raw = params.get('stage')
  const stage = isStage(raw) ? raw : null
  const all = useApplications({ role_id: roleId })
  const filtered = useApplications(
    { role_id: roleId, stage: stage ? [stage] : [] },
    { enabled: stage !== null },
  )
  const shown = stage ? filtered : all

  const setStage = (next: Stage | null) =>
    setParams(
      (current) => {
        const copy = new URLSearchParams(current)
        if (next) copy.set('stage', next)
        else copy.delete('stage')
        return copy
      },
      { replace: true },
    )

  if (all.isPending) return <LoadingState />
  if (all.isError) return <ErrorAlert error={all.error} onRetry={() => all.refetch()} />
  const loaded = loadedRows(all.data)
  if (loaded.length === 0) {
    return (
      <EmptyState
        icon={<IconInbox size={28} stroke={1.5} />}
        title={t('splits.roleDetail.noSubmissions')}
        description={t('splits.roleDetail.noSubmissionsHint')}
      />
    )
  }
  // Counts of what is loaded; "12+" while more pages wait (the role has no per-stage totals yet).
  const more = all.hasNextPage ? '+' : ''
  const counts = ALL_STAGES.map((s) => [s, loaded.filter((a) => a.stage === s).length] as const).filter(
    ([s, n]) => n > 0 || s === stage,
  )
  const list = loadedRows(shown.data)

  return (
    <Stack>
      <Group gap="xs" role="group" aria-label={t('splits.roleDetail.stageFilter')}>
        {counts.map(([s, n]) => {
          const active = s === stage
          return (
            <Button
              key={s}
              size="compact-sm"
              radius="xl"
              variant={active ? 'filled' : 'default'}
              aria-pressed={active}
              onClick={() => setStage(active ? null : s)}
            >
              {t('splits.roleDetail.stageChip', { stage: label('stages', s), count: `${n}${more}` })}
            </Button>
          )
        })}
      </Group>
      {stage && (
        <Group gap="sm" role="status">
          <Text size="sm">{t('splits.roleDetail.filteredBy', { stage: label('stages', stage) })}</Text>
          <Button
            size="compact-sm"
            variant="subtle"
            leftSection={<IconFilterOff size={14} />}
            onClick={() => setStage(null)}
          >
            {t('splits.roleDetail.clearFilter')}
          </Button>
        </Group>
      )}
      {shown.isPending && <LoadingState />}
      {shown.isError && <ErrorAlert error={shown.error} onRetry={() => shown.refetch()} />}
      {shown.isSuccess && list.length === 0 && (
        <EmptyState title={t('splits.roleDetail.noneInStage')} icon={<IconInbox size={28} stroke={1.5} />} />
      )}
      {list.length > 0 && (
        <>
          <ApplicationsTable applications={list} />
          <LoadMore
            shown={t('splits.applications.shown', { count: list.length })}
            hasMore={shown.hasNextPage}
            loading={shown.isFetchingNextPage}
            onLoadMore={() => shown.fetchNextPage()}
          />
        </>
      )}
    </Stack>
  )
}
