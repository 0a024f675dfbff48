import { Select, SimpleGrid, Stack, TextInput } from '@mantine/core'
import { IconFileInvoice, IconSearch } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { usePageTitle } from '../../app/use-page-title'
import { EmptyState } from '../../components/empty-state'
import { LoadMore } from '../../components/load-more'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { QueryError } from '../../components/query-error'
import { SectionCard } from '../../components/section-card'
import { INVOICE_STATUSES, type InvoiceStatus, useInvoices } from '../billing/billing-api'
import { InvoicesTable } from '../billing/invoices-table'
import { useVocab } from '../reference/use-vocab'
import { CompanySelect } from './company-select'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Every company's invoices, newest first, filtered by company, status (overdue too) and placement. */
export function AdminInvoicesPage() {
  const { t } = useTranslation()
  const { options } = useVocab()
  usePageTitle(t('admin.finance.invoices.title'))
  const [params, setParams] = useSearchParams()
  const companyId = params.get('company')
  const status = params.get('status') as InvoiceStatus | null
  const placement = params.get('placement') ?? ''
  const placementValid = placement === '' || UUID.test(placement.trim())
  const invoices = useInvoices(
    {
      company_id: companyId ?? undefined,
      status: status ?? undefined,
      placement_id: placementValid && placement ? placement.trim() : undefined,
    },
    placementValid,
  )
  const list = invoices.data?.pages.flatMap((p) => p.data) ?? []
  const filtered = Boolean(companyId || status || placement)
  const set = (key: string, value: string | null) =>
    setParams(
      (all) => {
        const next = new URLSearchParams(all)
        if (value) next.set(key, value)
        else next.delete(key)
        return next
      },
      { replace: true },
    )

  return (
    <>
      <PageHeader
        title={t('admin.finance.invoices.title')}
        description={t('admin.finance.invoices.description')}
      />
      <SectionCard title={t('admin.finance.invoices.listTitle')}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <CompanySelect
              aria-label={t('admin.finance.invoices.company')}
              placeholder={t('admin.finance.invoices.anyCompany')}
              value={companyId}
              onChange={(id) => set('company', id)}
            />
            <Select
              aria-label={t('splits.invoices.status')}
              placeholder={t('splits.invoices.anyStatus')}
              data={options('invoiceStatuses', INVOICE_STATUSES)}
              value={status}
              onChange={(v) => set('status', v)}
              clearable
            />
            <TextInput
              aria-label={t('admin.finance.invoices.placement')}
              placeholder={t('admin.finance.invoices.placementPlaceholder')}
              leftSection={<IconSearch size={16} />}
              value={placement}
              onChange={(e) => set('placement', e.currentTarget.value)}
              error={placementValid ? undefined : t('admin.finance.invoices.placementInvalid')}
              dir="ltr"
            />
          </SimpleGrid>
          {invoices.isPending && placementValid && <LoadingState />}
          {invoices.isError && (
            <QueryError
              error={invoices.error}
              signInTitle={t('admin.finance.signInRequired')}
              onRetry={() => invoices.refetch()}
            />
          )}
          {invoices.isSuccess && list.length === 0 && (
            <EmptyState
              icon={<IconFileInvoice size={28} stroke={1.5} />}
              title={filtered ? t('splits.invoices.emptyFiltered') : t('splits.invoices.empty')}
            />
          )}
          {list.length > 0 && (
            <>
              <InvoicesTable invoices={list} linkTo={(id) => `/admin/finance/invoices/${id}`} showCompany />
              <LoadMore
                shown={t('splits.invoices.shown', { count: list.length })}
                hasMore={invoices.hasNextPage}
                loading={invoices.isFetchingNextPage}
                onLoadMore={() => invoices.fetchNextPage()}
              />
            </>
          )}
        </Stack>
      </SectionCard>
    </>
  )
}
