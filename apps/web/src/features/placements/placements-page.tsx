import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core'
import { IconCertificate } from '@tabler/icons-react'
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
import { usePlacements } from './placements-api'
import { PlacementsTable } from './placements-table'

type Filter = 'all' | 'active' | 'fell_off'

/** Hires the viewer is part of (as a recruiter on the split, or the company's team). */
export function PlacementsPage() {
  const { t } = useTranslation()
  usePageTitle(t('splits.placements.title'))
  const [filter, setFilter] = useState<Filter>('all')
  const placements = usePlacements(filter === 'all' ? null : filter)
  const authError = isAuthError(placements.error) ? placements.error : undefined
  const list = placements.data?.pages.flatMap((p) => p.data) ?? []

  return (
    <>
      <PageHeader title={t('splits.placements.title')} description={t('splits.placements.description')} />
      {authError ? (
        <SignInRequiredAlert error={authError} title={t('splits.placements.signInRequired')} />
      ) : (
        <SectionCard
          title={t('splits.placements.listTitle')}
          actions={
            <SegmentedControl
              size="xs"
              value={filter}
              onChange={(value) => setFilter(value as Filter)}
              data={[
                { value: 'all', label: t('splits.placements.all') },
                { value: 'active', label: t('splits.vocab.placementStatuses.active') },
                { value: 'fell_off', label: t('splits.vocab.placementStatuses.fell_off') },
              ]}
            />
          }
        >
          <Stack>
            {placements.isPending && <LoadingState />}
            {placements.isError && (
              <ErrorAlert error={placements.error} onRetry={() => placements.refetch()} />
            )}
            {placements.isSuccess && list.length === 0 && (
              <EmptyState
                icon={<IconCertificate size={28} stroke={1.5} />}
                title={t('splits.placements.emptyTitle')}
                description={t('splits.placements.emptyDescription')}
              />
            )}
            {list.length > 0 && <PlacementsTable placements={list} />}
            {placements.hasNextPage && (
              <Group justify="space-between">
                <Text size="sm" c="dimmed">
                  {t('splits.placements.shown', { count: list.length })}
                </Text>
                <Button
                  variant="default"
                  onClick={() => placements.fetchNextPage()}
                  loading={placements.isFetchingNextPage}
                >
                  {t('splits.placements.loadMore')}
                </Button>
              </Group>
            )}
          </Stack>
        </SectionCard>
      )}
    </>
  )
}
