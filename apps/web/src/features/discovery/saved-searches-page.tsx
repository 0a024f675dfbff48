import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconBookmarkOff, IconSearch, IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { errorMessage } from '../../api/client'
import { usePageTitle } from '../../app/use-page-title'
import { EmptyState } from '../../components/empty-state'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { QueryError } from '../../components/query-error'
import { formatAmount } from '../../lib/money'
import { useVocab } from '../reference/use-vocab'
import {
  rolesLinkOf,
  type SavedSearch,
  type SavedSearchPatch,
  useDeleteSavedSearch,
  useSavedSearches,
  useUpdateSavedSearch,
} from './discovery-api'

/** A recruiter's saved searches: open one, choose its alerts, delete it. */
export function SavedSearchesPage() {
  const { t } = useTranslation()
  usePageTitle(t('splits.discovery.saved.title'))
  const list = useSavedSearches()
  const searches = list.data?.data ?? []
  return (
    <>
      <PageHeader
        title={t('splits.discovery.saved.title')}
        description={t('splits.discovery.saved.description', { limit: list.data?.limit ?? 25 })}
        actions={
          <Button
            component={Link}
            to="/splits/roles"
            variant="default"
            leftSection={<IconSearch size={16} />}
          >
            {t('splits.discovery.saved.browse')}
          </Button>
        }
      />
      {list.isPending && <LoadingState />}
      {list.isError && (
        <QueryError
          error={list.error}
          signInTitle={t('splits.discovery.saved.signIn')}
          onRetry={() => list.refetch()}
        />
      )}
      {list.isSuccess && searches.length === 0 && (
        <EmptyState
          icon={<IconBookmarkOff size={28} stroke={1.5} />}
          title={t('splits.discovery.saved.emptyTitle')}
          description={t('splits.discovery.saved.emptyDescription')}
        >
          <Button component={Link} to="/splits/roles">
            {t('splits.discovery.saved.browse')}
          </Button>
        </EmptyState>
      )}
      {searches.length > 0 && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          {searches.map((s) => (
            <SavedSearchCard key={s.id} search={s} />
          ))}
        </SimpleGrid>
      )}
    </>
  )
}

function SavedSearchCard({ search }: { search: SavedSearch }) {
  const { t, i18n } = useTranslation()
  const { label } = useVocab()
  const update = useUpdateSavedSearch()
  const remove = useDeleteSavedSearch()
  const change = (body: SavedSearchPatch) =>
    update.mutate(
      { id: search.id, body: { ...body, version: search.version } },
      { onError: (e) => notifications.show({ color: 'red', message: errorMessage(e, t) }) },
    )
  const f = search.filters
  const currency = f.salary_currency ?? 'USD'
  const words = [
    f.q && `“${f.q}”`,
    f.function && label('functions', f.function),
    f.seniority && label('seniorities', f.seniority),
    f.work_mode && label('workModes', f.work_mode),
    f.location,
    f.salary_min &&
      t('splits.discovery.saved.from', { amount: formatAmount(f.salary_min, currency, i18n.language) }),
    f.salary_max &&
      t('splits.discovery.saved.upTo', { amount: formatAmount(f.salary_max, currency, i18n.language) }),
    f.company_id && t('splits.discovery.saved.oneCompany'),
  ].filter(Boolean)
  return (
    <Card component="article" aria-label={search.name} withBorder>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fw={700} size="lg" truncate>
              {search.name}
            </Text>
            <Text size="sm" c="dimmed">
              {words.length ? words.join(' · ') : t('splits.discovery.saved.allRoles')}
              {' · '}
              {t(`splits.discovery.sort.${search.sort}`)}
            </Text>
          </Stack>
          <Tooltip label={t('splits.discovery.saved.delete')}>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('splits.discovery.saved.deleteNamed', { name: search.name })}
              loading={remove.isPending}
              onClick={() => remove.mutate(search.id)}
            >
              <IconTrash size={18} />
            </ActionIcon>
          </Tooltip>
        </Group>
        <Group gap="xs">
          <Badge variant="light" tt="none">
            {t('splits.discovery.saved.matched', { count: search.matched_roles })}
          </Badge>
          {search.pending_alerts > 0 && (
            <Badge variant="light" color="yellow" tt="none">
              {t('splits.discovery.saved.pending', { count: search.pending_alerts })}
            </Badge>
          )}
        </Group>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('splits.discovery.alerts.frequency')}
          </Text>
          <SegmentedControl
            size="xs"
            value={search.alert_frequency}
            onChange={(v) => change({ alert_frequency: v as SavedSearch['alert_frequency'] })}
            aria-label={t('splits.discovery.alerts.frequency')}
            data={(['instant', 'daily', 'off'] as const).map((v) => ({
              value: v,
              label: t(`splits.discovery.alerts.${v}`),
            }))}
          />
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('splits.discovery.alerts.channel')}
          </Text>
          <SegmentedControl
            size="xs"
            value={search.channel}
            disabled={search.alert_frequency === 'off'}
            onChange={(v) => change({ channel: v as SavedSearch['channel'] })}
            aria-label={t('splits.discovery.alerts.channel')}
            data={(['email', 'in_app'] as const).map((v) => ({
              value: v,
              label: t(`splits.discovery.alerts.${v}`),
            }))}
          />
        </Stack>
        <Group justify="flex-end">
          <Button component={Link} to={rolesLinkOf(search)} variant="light" size="sm">
            {t('splits.discovery.saved.open')}
          </Button>
        </Group>
      </Stack>
    </Card>
  )
}
