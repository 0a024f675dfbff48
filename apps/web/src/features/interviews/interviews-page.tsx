import { SegmentedControl, Stack } from '@mantine/core'
import { IconCalendarEvent } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { usePageTitle } from '../../app/use-page-title'
import { EmptyState } from '../../components/empty-state'
import { LoadMore } from '../../components/load-more'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { QueryError } from '../../components/query-error'
import { useViewer } from '../auth/use-viewer'
import { useMyCompanies } from '../company/company-api'
import { InterviewItem } from './interview-item'
import { useInterviewPages, viewerTimeZone } from './interviews-api'

/** Upcoming (soonest first) or past interviews, for recruiters and hiring teams alike. */
export function InterviewsPage() {
  const { t } = useTranslation()
  usePageTitle(t('interviews.pageTitle'))
  const viewer = useViewer()
  const { companies } = useMyCompanies()
  const [scope, setScope] = useState<'upcoming' | 'past'>('upcoming')
  const list = useInterviewPages({ scope })
  const rows = list.data?.pages.flatMap((p) => p.data) ?? []
  return (
    <>
      <PageHeader
        title={t('interviews.pageTitle')}
        description={t('interviews.pageDescription', { zone: viewerTimeZone() })}
      />
      <Stack gap="md">
        <SegmentedControl
          w="fit-content"
          value={scope}
          onChange={(v) => setScope(v as typeof scope)}
          data={[
            { value: 'upcoming', label: t('interviews.upcoming') },
            { value: 'past', label: t('interviews.past') },
          ]}
        />
        {list.isPending && <LoadingState />}
        {list.isError && (
          <QueryError
            signInTitle={t('interviews.signIn')}
            error={list.error}
            onRetry={() => list.refetch()}
          />
        )}
        {list.data && rows.length === 0 && (
          <EmptyState
            icon={<IconCalendarEvent size={28} />}
            title={t(scope === 'upcoming' ? 'interviews.noUpcoming' : 'interviews.noPast')}
            description={t('interviews.emptyHint')}
          />
        )}
        {rows.map((i) => (
          <InterviewItem
            key={i.id}
            interview={i}
            team={viewer.admin || companies.some((c) => c.id === i.company.id)}
            recruiter={viewer.recruiter}
            showContext
          />
        ))}
        {rows.length > 0 && (
          <LoadMore
            shown={t('interviews.shown', { count: rows.length })}
            hasMore={list.hasNextPage}
            loading={list.isFetchingNextPage}
            onLoadMore={() => list.fetchNextPage()}
          />
        )}
      </Stack>
    </>
  )
}
