import { Button, Stack } from '@mantine/core'
import { IconRefresh } from '@tabler/icons-react'
import { useIsFetching, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { isAuthError } from '../../api/client'
import { usePageTitle } from '../../app/use-page-title'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { SectionCard } from '../../components/section-card'
import { SignInRequiredAlert } from '../../components/sign-in-required-alert'
import { CatalogTable } from './catalog-table'
import { DeadJobsSection } from './dead-jobs-section'
import { jobsKeys, useJobsOverview } from './jobs-api'
import { QueuesTable } from './queues-table'

export function JobsPage() {
  const { t } = useTranslation()
  usePageTitle(t('admin.jobs.pageTitle'))
  const queryClient = useQueryClient()
  const fetching = useIsFetching({ queryKey: jobsKeys.all }) > 0
  const overview = useJobsOverview()

  const refresh = (
    <Button
      variant="default"
      leftSection={<IconRefresh size={16} />}
      loading={fetching}
      onClick={() => queryClient.invalidateQueries({ queryKey: jobsKeys.all })}
    >
      {t('admin.jobs.refresh')}
    </Button>
  )

  // The whole page is admin-only, so one sign-in prompt replaces every section.
  const authError = isAuthError(overview.error) ? overview.error : undefined

  return (
    <>
      <PageHeader
        title={t('admin.jobs.title')}
        description={t('admin.jobs.description')}
        actions={authError ? undefined : refresh}
      />
      {authError && <SignInRequiredAlert error={authError} title={t('admin.signInRequired.title')} />}
      {overview.isPending && <LoadingState />}
      {overview.isError && !authError && (
        <ErrorAlert error={overview.error} onRetry={() => overview.refetch()} />
      )}
      {overview.isSuccess && (
        <Stack gap="xl">
          <SectionCard title={t('admin.jobs.queues.title')}>
            <QueuesTable queues={overview.data.queues} catalog={overview.data.catalog} />
          </SectionCard>
          <SectionCard title={t('admin.jobs.catalog.title')}>
            <CatalogTable catalog={overview.data.catalog} />
          </SectionCard>
          <DeadJobsSection catalog={overview.data.catalog} />
        </Stack>
      )}
    </>
  )
}
