import { Alert, Button, Group, SegmentedControl, Select, SimpleGrid, Stack } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
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
import { LeadCard } from './lead-card'
import { LocalitySelect } from './locality-select'
import { type BoardQuery, useBoard, useCategories } from './ofair-api'

const RADII = ['10', '25', '50', '100']

/** The professional's lead board: nearby leads of their trades, with filters; no client details. */
export function LeadBoardPage() {
  const { t } = useTranslation()
  usePageTitle(t('ofair.nav.leads'))
  const categories = useCategories()
  const [category, setCategory] = useState<string | null>(null)
  const [radius, setRadius] = useState<string | null>(null)
  const [type, setType] = useState('all')
  const [budget, setBudget] = useState<string | null>(null)
  const [locality, setLocality] = useState<number | null>(null)
  const query: BoardQuery = {
    ...(category ? { category_id: category } : {}),
    ...(radius ? { radius_km: Number(radius) } : {}),
    ...(type !== 'all' ? { type: type as 'consumer' | 'professional_referral' } : {}),
    ...(budget ? { budget_min: String(Number(budget) * 100) } : {}),
    ...(locality ? { locality_id: locality } : {}),
  }
  const board = useBoard(query)
  const leads = board.data?.pages.flatMap((p) => p.data) ?? []

  return (
    <>
      <PageHeader
        title={t('ofair.board.title')}
        description={t('ofair.board.description')}
        actions={
          <Button component={Link} to="/ofair/leads/new" leftSection={<IconPlus size={16} />}>
            {t('ofair.board.newLead')}
          </Button>
        }
      />
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <Select
            label={t('ofair.board.category')}
            placeholder={t('ofair.board.myTrades')}
            clearable
            data={(categories.data?.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            value={category}
            onChange={setCategory}
          />
          <LocalitySelect
            label={t('ofair.board.centre')}
            value={locality}
            onChange={(id) => setLocality(id)}
          />
          <Select
            label={t('ofair.board.radius')}
            placeholder={t('ofair.board.myRadius')}
            clearable
            data={RADII.map((r) => ({ value: r, label: t('ofair.board.km', { km: r }) }))}
            value={radius}
            onChange={setRadius}
          />
          <Select
            label={t('ofair.board.budgetFrom')}
            clearable
            data={['500', '1000', '3000', '5000'].map((b) => ({
              value: b,
              label: `₪${Number(b).toLocaleString('he-IL')}+`,
            }))}
            value={budget}
            onChange={setBudget}
          />
        </SimpleGrid>
        <SegmentedControl
          value={type}
          onChange={setType}
          data={[
            { value: 'all', label: t('ofair.board.allTypes') },
            { value: 'consumer', label: t('ofair.lead.typeConsumer') },
            { value: 'professional_referral', label: t('ofair.lead.typePro') },
          ]}
        />
        {board.isPending ? (
          <LoadingState />
        ) : board.isError ? (
          isAuthError(board.error) ? (
            <Alert color="blue" title={t('ofair.board.proOnlyTitle')}>
              <Group>
                {t('ofair.board.proOnly')}
                <Button component={Link} to="/ofair/profile" size="xs">
                  {t('ofair.profile.start')}
                </Button>
              </Group>
            </Alert>
          ) : (
            <ErrorAlert error={board.error} />
          )
        ) : leads.length === 0 ? (
          <EmptyState title={t('ofair.board.emptyTitle')} description={t('ofair.board.empty')} />
        ) : (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
              {leads.map((l) => (
                <LeadCard key={l.id} lead={l} />
              ))}
            </SimpleGrid>
            <LoadMore
              shown={t('ofair.board.shown', { count: leads.length })}
              hasMore={board.hasNextPage}
              loading={board.isFetchingNextPage}
              onLoadMore={() => void board.fetchNextPage()}
            />
          </>
        )}
      </Stack>
    </>
  )
}
