import { CURRENCY_CODES } from '@app/money'
import { Anchor, Grid, Group, Select, Stack, Text } from '@mantine/core'
import { IconCoins } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { usePageTitle } from '../../app/use-page-title'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { QueryError } from '../../components/query-error'
import { SectionCard } from '../../components/section-card'
import { Amount } from '../billing/amount'
import { useFinanceSummary } from './finance-api'
import { AgeingChart, MonthsChart } from './finance-charts'
import { KpiCards } from './kpi-cards'
import { ReconciliationCard } from './reconciliation-card'

/** Platform finance at a glance: balances, the last twelve months, receivables ageing, and the ledger's proof. */
export function FinanceOverviewPage() {
  const { t } = useTranslation()
  usePageTitle(t('admin.finance.title'))
  const [params, setParams] = useSearchParams()
  const currency = params.get('currency') ?? 'USD'
  const summary = useFinanceSummary(currency)
  const s = summary.data

  return (
    <>
      <PageHeader
        title={t('admin.finance.title')}
        description={t('admin.finance.description')}
        actions={
          <Select
            aria-label={t('admin.finance.currency')}
            leftSection={<IconCoins size={16} />}
            data={CURRENCY_CODES}
            value={currency}
            onChange={(c) => c && setParams(c === 'USD' ? {} : { currency: c }, { replace: true })}
            allowDeselect={false}
            searchable
            w={120}
          />
        }
      />
      {summary.isPending && <LoadingState />}
      {summary.isError && (
        <QueryError
          error={summary.error}
          signInTitle={t('admin.finance.signInRequired')}
          onRetry={() => summary.refetch()}
        />
      )}
      {s && (
        <Stack gap="xl">
          <KpiCards summary={s} />
          <SectionCard
            title={t('admin.finance.months.title')}
            actions={
              <Text size="sm" c="dimmed">
                {t('admin.finance.inBank')}{' '}
                <Amount span value={s.totals.in_bank} fw={600} c="var(--mantine-color-text)" />
              </Text>
            }
          >
            <MonthsChart summary={s} />
          </SectionCard>
          <Grid gap="xl">
            <Grid.Col span={{ base: 12, md: 7 }}>
              <SectionCard
                title={t('admin.finance.ageing.title')}
                actions={
                  <Anchor component={Link} to="/admin/finance/invoices?status=overdue" size="sm">
                    {t('admin.finance.ageing.seeOverdue')}
                  </Anchor>
                }
              >
                <AgeingChart summary={s} />
              </SectionCard>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <ReconciliationCard />
            </Grid.Col>
          </Grid>
          <Group justify="flex-end">
            <Text size="xs" c="dimmed">
              {t('admin.finance.currencyNote', { currency: s.currency })}
            </Text>
          </Group>
        </Stack>
      )}
    </>
  )
}
