import { Button, Group, Stack, Text } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconUserSearch } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isAuthError } from '../../api/client'
import { usePageTitle } from '../../app/use-page-title'
import { EmptyState } from '../../components/empty-state'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { SectionCard } from '../../components/section-card'
import { SignInRequiredAlert } from '../../components/sign-in-required-alert'
import { type UserFilters, useUsersSearch } from './users-api'
import { UsersFilters } from './users-filters'
import { UsersTable } from './users-table'

/** Platform admins: find anyone by name, email or phone, filtered by role and status. */
export function UsersPage() {
  const { t } = useTranslation()
  usePageTitle(t('admin.users.pageTitle'))
  const [filters, setFilters] = useState<UserFilters>({ q: '', role: null, status: null })
  const [debounced] = useDebouncedValue(filters, 300)
  const search = useUsersSearch(debounced)
  const authError = isAuthError(search.error) ? search.error : undefined
  const users = search.data?.pages.flatMap((page) => page.data) ?? []

  return (
    <>
      <PageHeader title={t('admin.users.title')} description={t('admin.users.description')} />
      {authError ? (
        <SignInRequiredAlert error={authError} title={t('admin.users.signInRequired')} />
      ) : (
        <SectionCard title={t('admin.users.listTitle')}>
          <Stack>
            <UsersFilters value={filters} onChange={setFilters} />
            {search.isPending && <LoadingState />}
            {search.isError && <ErrorAlert error={search.error} onRetry={() => search.refetch()} />}
            {search.isSuccess && users.length === 0 && (
              <EmptyState
                icon={<IconUserSearch size={28} stroke={1.5} />}
                title={t('admin.users.emptyTitle')}
                description={t('admin.users.emptyDescription')}
              />
            )}
            {users.length > 0 && (
              <>
                <UsersTable users={users} />
                <Group justify="space-between">
                  <Text size="sm" c="dimmed">
                    {t('admin.users.shown', { count: users.length })}
                  </Text>
                  {search.hasNextPage && (
                    <Button
                      variant="default"
                      onClick={() => search.fetchNextPage()}
                      loading={search.isFetchingNextPage}
                    >
                      {t('admin.users.loadMore')}
                    </Button>
                  )}
                </Group>
              </>
            )}
          </Stack>
        </SectionCard>
      )}
    </>
  )
}
