import { Button, Group, Paper, Stack, Text } from '@mantine/core'
import { IconFileCv, IconHourglassEmpty } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { EmptyState } from '../../components/empty-state'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { RelativeTime } from '../../components/relative-time'
import { VocabBadge } from '../reference/vocab-badge'
import { type MyApplication, useMyApplications } from './my-applications-api'

/** A candidate's applications, read-only: where they were submitted and how far each got. */
export function MyApplicationsList({ intro }: { intro?: string }) {
  return (
    <Stack gap="md">
      {intro && (
        <Text size="sm" c="dimmed">
          {intro}
        </Text>
      )}
      <MyApplicationsBody />
    </Stack>
  )
}

function MyApplicationsBody() {
  const { t } = useTranslation()
  const { pages: applications, listed } = useMyApplications()
  const pages = applications.data?.pages ?? []
  const available = listed !== false && pages.every((p) => p.available)
  const list = pages.flatMap((p) => (p.available ? p.page.data : []))

  if (listed === undefined || (available && applications.isPending)) return <LoadingState />
  if (applications.isError)
    return <ErrorAlert error={applications.error} onRetry={() => applications.refetch()} />
  if (!available) {
    return (
      <EmptyState
        icon={<IconHourglassEmpty size={28} stroke={1.5} />}
        title={t('splits.myApplications.comingTitle')}
        description={t('splits.myApplications.comingDescription')}
      />
    )
  }
  if (list.length === 0) {
    return (
      <EmptyState
        icon={<IconFileCv size={28} stroke={1.5} />}
        title={t('splits.myApplications.emptyTitle')}
        description={t('splits.myApplications.emptyDescription')}
      />
    )
  }
  return (
    <Stack gap="sm">
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {list.map((a) => (
          <MyApplicationItem key={a.id} application={a} />
        ))}
      </Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('splits.myApplications.shown', { count: list.length })}
        </Text>
        {applications.hasNextPage && (
          <Button
            variant="default"
            onClick={() => applications.fetchNextPage()}
            loading={applications.isFetchingNextPage}
          >
            {t('common.loadMore')}
          </Button>
        )}
      </Group>
    </Stack>
  )
}

function MyApplicationItem({ application: a }: { application: MyApplication }) {
  const { t } = useTranslation()
  return (
    <Paper component="li" withBorder p="md" radius="md" aria-label={a.role_title}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <div style={{ minWidth: 0 }}>
          <Text fw={600}>{a.role_title}</Text>
          <Text size="sm" c="dimmed">
            {a.company_name}
          </Text>
        </div>
        <VocabBadge kind="stages" code={a.stage} />
      </Group>
      <Group gap="lg" mt="xs">
        <Text size="xs" c="dimmed">
          {t('splits.myApplications.submitted')} <RelativeTime value={a.submitted_at} size="xs" />
        </Text>
        <Text size="xs" c="dimmed">
          {t('splits.myApplications.stageChanged')} <RelativeTime value={a.stage_changed_at} size="xs" />
        </Text>
      </Group>
    </Paper>
  )
}
