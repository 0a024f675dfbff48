import { Button, Group, SimpleGrid, Stack, Text } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconBriefcaseOff, IconPlus, IconX } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { isAuthError } from '../../api/client'
import { usePageTitle } from '../../app/use-page-title'
import { EmptyState } from '../../components/empty-state'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { SignInRequiredAlert } from '../../components/sign-in-required-alert'
import { useViewer } from '../auth/use-viewer'
import type { RoleSort } from '../discovery/discovery-api'
import { MarketplaceBar } from '../discovery/marketplace-bar'
import { useSavedSearchLink } from '../discovery/use-saved-search-link'
import { RoleCard } from './role-card'
import { RoleFilters } from './role-filters'
import { useRolesSearch } from './roles-api'
import { toRoleQuery, useRoleFilters } from './use-role-filters'

/** Recruiters: the marketplace of open roles. Hiring teams: their company's roles. Admins: all. */
export function RolesPage() {
  const { t } = useTranslation()
  const viewer = useViewer()
  const marketplace = viewer.recruiter && !viewer.team && !viewer.admin
  usePageTitle(marketplace ? t('splits.roles.marketplaceTitle') : t('splits.roles.title'))
  const { values, set, clear, activeCount } = useRoleFilters()
  const [debounced] = useDebouncedValue(values, 300)
  const { query, invalid } = toRoleQuery(debounced)
  const search = useRolesSearch(query)
  const authError = isAuthError(search.error) ? search.error : undefined
  const roles = search.data?.pages.flatMap((page) => page.data) ?? []
  const total = search.data?.pages[0]?.total_count
  useSavedSearchLink(set)

  return (
    <>
      <PageHeader
        title={marketplace ? t('splits.roles.marketplaceTitle') : t('splits.roles.title')}
        description={
          marketplace
            ? t('splits.roles.marketplaceDescription')
            : viewer.admin
              ? t('splits.roles.adminDescription')
              : t('splits.roles.teamDescription')
        }
        actions={
          (viewer.team || viewer.admin) && (
            <Button component={Link} to="/splits/roles/new" leftSection={<IconPlus size={16} />}>
              {t('splits.roles.post')}
            </Button>
          )
        }
      />
      {authError ? (
        <SignInRequiredAlert error={authError} title={t('splits.roles.signInRequired')} />
      ) : (
        <Stack gap="lg">
          <RoleFilters
            values={values}
            onChange={set}
            invalid={invalid}
            showStatus={!marketplace}
            showCompany={!viewer.team || viewer.admin}
          />
          <MarketplaceBar
            total={search.isSuccess ? total : undefined}
            sort={(query.sort ?? 'newest') as RoleSort}
            onSort={(sort) => set({ sort: sort === 'newest' ? '' : sort })}
            canSave={Boolean(viewer.recruiter)}
            query={query}
          />
          <Group justify="space-between" mih={30}>
            <Text size="sm" c="dimmed" aria-live="polite">
              {search.isSuccess && t('splits.roles.shown', { count: roles.length })}
            </Text>
            {activeCount > 0 && (
              <Button variant="subtle" size="compact-sm" leftSection={<IconX size={14} />} onClick={clear}>
                {t('splits.roles.filters.clear')}
              </Button>
            )}
          </Group>
          {search.isPending && <LoadingState />}
          {search.isError && <ErrorAlert error={search.error} onRetry={() => search.refetch()} />}
          {search.isSuccess && roles.length === 0 && (
            <EmptyState
              icon={<IconBriefcaseOff size={28} stroke={1.5} />}
              title={t('splits.roles.emptyTitle')}
              description={
                activeCount > 0
                  ? t('splits.roles.emptyFiltered')
                  : marketplace
                    ? t('splits.roles.emptyDescription')
                    : t('splits.roles.emptyTeam')
              }
            >
              {activeCount > 0 && (
                <Button variant="default" onClick={clear}>
                  {t('splits.roles.filters.clear')}
                </Button>
              )}
            </EmptyState>
          )}
          {roles.length > 0 && (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              {roles.map((role) => (
                <RoleCard
                  key={role.id}
                  role={role}
                  showStatus={!marketplace}
                  showFee={Boolean(viewer.recruiter)}
                />
              ))}
            </SimpleGrid>
          )}
          {search.hasNextPage && (
            <Group justify="center">
              <Button
                variant="default"
                onClick={() => search.fetchNextPage()}
                loading={search.isFetchingNextPage}
              >
                {t('splits.roles.loadMore')}
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </>
  )
}
