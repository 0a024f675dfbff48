import { MultiSelect, Stack } from '@mantine/core'
import { IconInbox } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isAuthError } from '../../api/client'
import { usePageTitle } from '../../app/use-page-title'
import { EmptyState } from '../../components/empty-state'
import { ErrorAlert } from '../../components/error-alert'
import { LoadMore } from '../../components/load-more'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { SectionCard } from '../../components/section-card'
import { SignInRequiredAlert } from '../../components/sign-in-required-alert'
import { ALL_STAGES, loadedRows, type Stage, useApplications } from '../applications/applications-api'
import { ApplicationsTable } from '../applications/applications-table'
import { useVocab } from '../reference/use-vocab'

/** Platform admins: every submission on the network, by stage. */
export function AdminApplicationsPage() {
  const { t } = useTranslation()
  const { options } = useVocab()
  usePageTitle(t('admin.applications.title'))
  const [stages, setStages] = useState<string[]>([])
  const applications = useApplications(stages.length ? { stage: stages as Stage[] } : {})
  const authError = isAuthError(applications.error) ? applications.error : undefined
  const list = loadedRows(applications.data)

  return (
    <>
      <PageHeader title={t('admin.applications.title')} description={t('admin.applications.description')} />
      {authError ? (
        <SignInRequiredAlert error={authError} title={t('admin.applications.signInRequired')} />
      ) : (
        <SectionCard title={t('admin.applications.listTitle')}>
          <Stack>
            <MultiSelect
              aria-label={t('admin.applications.stages')}
              placeholder={stages.length ? undefined : t('admin.applications.anyStage')}
              data={options('stages', ALL_STAGES)}
              value={stages}
              onChange={setStages}
              clearable
              maw={480}
            />
            {applications.isPending && <LoadingState />}
            {applications.isError && (
              <ErrorAlert error={applications.error} onRetry={() => applications.refetch()} />
            )}
            {applications.isSuccess && list.length === 0 && (
              <EmptyState icon={<IconInbox size={28} stroke={1.5} />} title={t('admin.applications.empty')} />
            )}
            {list.length > 0 && (
              <>
                <ApplicationsTable applications={list} showRole showCompany />
                <LoadMore
                  shown={t('admin.applications.shown', { count: list.length })}
                  hasMore={applications.hasNextPage}
                  loading={applications.isFetchingNextPage}
                  onLoadMore={() => applications.fetchNextPage()}
                />
              </>
            )}
          </Stack>
        </SectionCard>
      )}
    </>
  )
}
