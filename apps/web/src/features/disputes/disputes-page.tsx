import { Button, Group, Stack, Tabs } from '@mantine/core'
import { IconGavel } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { isAuthError } from '../../api/client'
import { usePageTitle } from '../../app/use-page-title'
import { EmptyState } from '../../components/empty-state'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { SignInRequiredAlert } from '../../components/sign-in-required-alert'
import { useVocab } from '../reference/use-vocab'
import { DISPUTE_STATUSES, type DisputeStatus, useDisputes } from './disputes-api'
import { DisputesTable } from './disputes-table'

/** Platform admins: blocked duplicate submissions and the disputes to decide, by status. */
export function DisputesPage() {
  const { t } = useTranslation()
  const { label } = useVocab()
  usePageTitle(t('admin.disputes.title'))
  const [params, setParams] = useSearchParams()
  const status = (params.get('status') as DisputeStatus | null) ?? 'disputed'
  const disputes = useDisputes(status)
  const authError = isAuthError(disputes.error) ? disputes.error : undefined
  const list = disputes.data?.pages.flatMap((p) => p.data) ?? []

  return (
    <>
      <PageHeader title={t('admin.disputes.title')} description={t('admin.disputes.description')} />
      {authError ? (
        <SignInRequiredAlert error={authError} title={t('admin.disputes.signInRequired')} />
      ) : (
        <Tabs value={status} onChange={(value) => value && setParams({ status: value }, { replace: true })}>
          <Tabs.List mb="lg">
            {DISPUTE_STATUSES.map((s) => (
              <Tabs.Tab key={s} value={s}>
                {label('disputeStatuses', s)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Stack>
            {disputes.isPending && <LoadingState />}
            {disputes.isError && <ErrorAlert error={disputes.error} onRetry={() => disputes.refetch()} />}
            {disputes.isSuccess && list.length === 0 && (
              <EmptyState
                icon={<IconGavel size={28} stroke={1.5} />}
                title={t('admin.disputes.emptyTitle', {
                  status: label('disputeStatuses', status).toLowerCase(),
                })}
                description={t('admin.disputes.emptyDescription')}
              />
            )}
            {list.length > 0 && <DisputesTable disputes={list} />}
            {disputes.hasNextPage && (
              <Group justify="center">
                <Button
                  variant="default"
                  onClick={() => disputes.fetchNextPage()}
                  loading={disputes.isFetchingNextPage}
                >
                  {t('admin.disputes.loadMore')}
                </Button>
              </Group>
            )}
          </Stack>
        </Tabs>
      )}
    </>
  )
}
