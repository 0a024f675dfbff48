import { Alert, Anchor, Select, Stack, Tabs } from '@mantine/core'
import { useLocalStorage } from '@mantine/hooks'
import { IconFileInvoice, IconInfoCircle, IconReceipt, IconSettings } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { usePageTitle } from '../../app/use-page-title'
import { EmptyState } from '../../components/empty-state'
import { LoadMore } from '../../components/load-more'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { QueryError } from '../../components/query-error'
import { SectionCard } from '../../components/section-card'
import { useViewer } from '../auth/use-viewer'
import { INVOICE_STATUSES, type InvoiceStatus, useInvoices } from '../billing/billing-api'
import { InvoicesTable } from '../billing/invoices-table'
import { useMyCompanies } from '../company/company-api'
import { CompanySwitcher } from '../company/company-switcher'
import { useVocab } from '../reference/use-vocab'
import { BillingSettingsSection } from './billing-settings-form'

/** A company admin's billing: the company's invoices (to pay them) and how it is invoiced. */
export function BillingPage() {
  const { t } = useTranslation()
  const { options } = useVocab()
  const viewer = useViewer()
  usePageTitle(t('splits.billing.title'))
  const { companies, isPending } = useMyCompanies()
  const mine = companies.filter((c) => c.isAdmin)
  const [stored, setStored] = useLocalStorage<string>({ key: 'splits-billing-company', defaultValue: '' })
  const company = mine.find((c) => c.id === stored) ?? mine[0]
  const [params, setParams] = useSearchParams()
  const tab = params.get('tab') ?? 'invoices'
  const status = (params.get('status') as InvoiceStatus | null) ?? null
  const invoices = useInvoices({ company_id: company?.id, status: status ?? undefined }, Boolean(company))
  const list = invoices.data?.pages.flatMap((p) => p.data) ?? []
  const setParam = (key: string, value: string | null) =>
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
        title={t('splits.billing.title')}
        description={company ? t('splits.billing.description', { company: company.name }) : undefined}
        actions={<CompanySwitcher companies={mine} value={company?.id} onChange={setStored} />}
      />
      {isPending && <LoadingState />}
      {!isPending && !company && (
        <Alert variant="light" icon={<IconInfoCircle size={18} />}>
          {viewer.admin ? (
            <>
              {t('splits.billing.adminHint')}{' '}
              <Anchor component={Link} to="/admin/finance/invoices">
                {t('splits.billing.adminLink')}
              </Anchor>
            </>
          ) : (
            t('splits.billing.notAdmin')
          )}
        </Alert>
      )}
      {company && (
        <Tabs
          value={tab}
          onChange={(v) => setParam('tab', v && v !== 'invoices' ? v : null)}
          keepMounted={false}
        >
          <Tabs.List mb="lg">
            <Tabs.Tab value="invoices" leftSection={<IconReceipt size={16} />}>
              {t('splits.billing.invoicesTab')}
            </Tabs.Tab>
            <Tabs.Tab value="settings" leftSection={<IconSettings size={16} />}>
              {t('splits.billing.settingsTab')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="invoices">
            <SectionCard
              title={t('splits.billing.invoices')}
              actions={
                <Select
                  aria-label={t('splits.invoices.status')}
                  placeholder={t('splits.invoices.anyStatus')}
                  data={options('invoiceStatuses', INVOICE_STATUSES)}
                  value={status}
                  onChange={(v) => setParam('status', v)}
                  clearable
                  w={200}
                />
              }
            >
              <Stack>
                {invoices.isPending && <LoadingState />}
                {invoices.isError && (
                  <QueryError
                    error={invoices.error}
                    signInTitle={t('splits.billing.signInRequired')}
                    onRetry={() => invoices.refetch()}
                  />
                )}
                {invoices.isSuccess && list.length === 0 && (
                  <EmptyState
                    icon={<IconFileInvoice size={28} stroke={1.5} />}
                    title={status ? t('splits.invoices.emptyFiltered') : t('splits.invoices.empty')}
                    description={status ? undefined : t('splits.invoices.emptyHint')}
                  />
                )}
                {list.length > 0 && (
                  <>
                    <InvoicesTable invoices={list} linkTo={(id) => `/splits/billing/invoices/${id}`} />
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
          </Tabs.Panel>
          <Tabs.Panel value="settings">
            <SectionCard title={t('splits.billing.settings')}>
              <BillingSettingsSection companyId={company.id} />
            </SectionCard>
          </Tabs.Panel>
        </Tabs>
      )}
    </>
  )
}
