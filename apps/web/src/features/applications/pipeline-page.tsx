import { Alert, Button, Collapse, SimpleGrid, Stack } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconChevronDown, IconChevronUp, IconLayoutKanban } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { isAuthError } from '../../api/client'
import { usePageTitle } from '../../app/use-page-title'
import { EmptyState } from '../../components/empty-state'
import { ErrorAlert } from '../../components/error-alert'
import { LoadMore } from '../../components/load-more'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { SignInRequiredAlert } from '../../components/sign-in-required-alert'
import {
  type ApplicationSummary,
  BOARD_STAGES,
  CLOSED_STAGES,
  loadedRows,
  useApplications,
} from './applications-api'
import { PipelineColumn } from './pipeline-column'
import { WithdrawModal } from './withdraw-modal'

/** A recruiter's submissions as a board by stage; rejected and withdrawn are folded away. */
export function PipelinePage() {
  const { t } = useTranslation()
  usePageTitle(t('splits.pipeline.title'))
  const applications = useApplications({ mine: 'true' }, { pageSize: 100 })
  const [closedOpen, closed] = useDisclosure(false)
  const [withdrawing, setWithdrawing] = useState<ApplicationSummary | null>(null)
  const authError = isAuthError(applications.error) ? applications.error : undefined
  const list = loadedRows(applications.data)
  const byStage = (stage: string) => list.filter((a) => a.stage === stage)
  const closedCount = list.filter((a) => CLOSED_STAGES.includes(a.stage)).length

  return (
    <>
      <PageHeader title={t('splits.pipeline.title')} description={t('splits.pipeline.description')} />
      {authError && <SignInRequiredAlert error={authError} title={t('splits.pipeline.signInRequired')} />}
      {applications.isPending && <LoadingState />}
      {applications.isError && !authError && (
        <ErrorAlert error={applications.error} onRetry={() => applications.refetch()} />
      )}
      {applications.isSuccess && list.length === 0 && (
        <EmptyState
          icon={<IconLayoutKanban size={28} stroke={1.5} />}
          title={t('splits.pipeline.emptyTitle')}
          description={t('splits.pipeline.emptyDescription')}
        >
          <Button component={Link} to="/splits/roles" variant="light">
            {t('splits.pipeline.browseRoles')}
          </Button>
        </EmptyState>
      )}
      {list.length > 0 && (
        <Stack gap="lg">
          {applications.hasNextPage && (
            <Alert variant="light" color="yellow">
              <LoadMore
                shown={t('splits.pipeline.partial', { count: list.length })}
                hasMore
                loading={applications.isFetchingNextPage}
                onLoadMore={() => applications.fetchNextPage()}
              />
            </Alert>
          )}
          {/* Five columns side by side on wide screens; stacked on a phone. */}
          <SimpleGrid cols={{ base: 1, sm: 3, lg: 5 }} spacing="sm">
            {BOARD_STAGES.map((stage) => (
              <PipelineColumn
                key={stage}
                stage={stage}
                applications={byStage(stage)}
                onWithdraw={setWithdrawing}
              />
            ))}
          </SimpleGrid>
          <div>
            <Button
              variant="subtle"
              color="gray"
              onClick={closed.toggle}
              aria-expanded={closedOpen}
              rightSection={closedOpen ? <IconChevronUp size={16} /> : <IconChevronDown size={16} />}
            >
              {t('splits.pipeline.closed', { count: closedCount })}
            </Button>
            <Collapse expanded={closedOpen}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="sm">
                {CLOSED_STAGES.map((stage) => (
                  <PipelineColumn
                    key={stage}
                    stage={stage}
                    applications={byStage(stage)}
                    onWithdraw={setWithdrawing}
                  />
                ))}
              </SimpleGrid>
            </Collapse>
          </div>
        </Stack>
      )}
      <WithdrawModal application={withdrawing} onClose={() => setWithdrawing(null)} />
    </>
  )
}
