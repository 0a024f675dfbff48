import { Button, Stack } from '@mantine/core'
import { IconBriefcaseOff, IconBuildingOff, IconInbox, IconPlus, IconSettings } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { isAuthError } from '../../api/client'
import { usePageTitle } from '../../app/use-page-title'
import { EmptyState } from '../../components/empty-state'
import { ErrorAlert } from '../../components/error-alert'
import { LoadMore } from '../../components/load-more'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { SectionCard } from '../../components/section-card'
import { SignInRequiredAlert } from '../../components/sign-in-required-alert'
import { useRecentApplications } from '../applications/applications-api'
import { ApplicationsTable } from '../applications/applications-table'
import { useRolesSearch } from '../roles/roles-api'
import { useCompany } from './company-api'
import { CompanyRolesTable } from './company-roles-table'
import { CompanySwitcher } from './company-switcher'
import { RoleStatusCounts } from './role-status-counts'
import { useActiveCompany } from './use-active-company'

/** A hiring team's home: roles by status with counts, and the latest submissions. */
export function CompanyDashboardPage() {
  const { t } = useTranslation()
  const { companies, active, setActive, isPending } = useActiveCompany()
  usePageTitle(active?.name ?? t('splits.company.title'))
  const roles = useRolesSearch({ company_id: active?.id ?? '' }, 50, Boolean(active))
  const company = useCompany(active?.id)
  const recent = useRecentApplications({ company_id: active?.id ?? '' }, 8, Boolean(active))
  const list = roles.data?.pages.flatMap((p) => p.data) ?? []
  const authError = isAuthError(roles.error) ? roles.error : undefined

  if (isPending) return <LoadingState />
  if (!active) {
    return (
      <>
        <PageHeader title={t('splits.company.title')} />
        <EmptyState
          icon={<IconBuildingOff size={28} stroke={1.5} />}
          title={t('splits.company.noneTitle')}
          description={t('splits.company.noneDescription')}
        />
      </>
    )
  }
  return (
    <>
      <PageHeader
        title={active.name}
        description={t('splits.company.description')}
        actions={
          <>
            <CompanySwitcher companies={companies} value={active.id} onChange={setActive} />
            <Button
              component={Link}
              to={`/splits/companies/${active.id}/settings`}
              variant="default"
              leftSection={<IconSettings size={16} />}
            >
              {t('splits.company.settings')}
            </Button>
            <Button component={Link} to="/splits/roles/new" leftSection={<IconPlus size={16} />}>
              {t('splits.roles.post')}
            </Button>
          </>
        }
      />
      {authError && <SignInRequiredAlert error={authError} title={t('splits.roles.signInRequired')} />}
      <Stack gap="xl">
        <SectionCard title={t('splits.company.rolesTitle')}>
          {roles.isPending && <LoadingState />}
          {roles.isError && !authError && <ErrorAlert error={roles.error} onRetry={() => roles.refetch()} />}
          {roles.isSuccess && (
            <Stack>
              <RoleStatusCounts counts={company.data?.roles_by_status ?? {}} />
              {list.length === 0 ? (
                <EmptyState
                  icon={<IconBriefcaseOff size={28} stroke={1.5} />}
                  title={t('splits.company.noRoles')}
                >
                  <Button component={Link} to="/splits/roles/new" variant="light">
                    {t('splits.roles.post')}
                  </Button>
                </EmptyState>
              ) : (
                <>
                  <CompanyRolesTable roles={list} />
                  <LoadMore
                    shown={t('splits.roles.shown', { count: list.length })}
                    hasMore={roles.hasNextPage}
                    loading={roles.isFetchingNextPage}
                    onLoadMore={() => roles.fetchNextPage()}
                  />
                </>
              )}
            </Stack>
          )}
        </SectionCard>
        <SectionCard title={t('splits.company.recentTitle')}>
          {recent.isPending && <LoadingState />}
          {recent.isError && <ErrorAlert error={recent.error} onRetry={() => recent.refetch()} />}
          {recent.isSuccess &&
            (recent.data.data.length === 0 ? (
              <EmptyState
                icon={<IconInbox size={28} stroke={1.5} />}
                title={t('splits.company.noSubmissions')}
              />
            ) : (
              <ApplicationsTable applications={recent.data.data} showRole />
            ))}
        </SectionCard>
      </Stack>
    </>
  )
}
