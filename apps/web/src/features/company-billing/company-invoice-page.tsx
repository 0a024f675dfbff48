import { Group, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { isNotFound } from '../../api/client'
import { usePageTitle } from '../../app/use-page-title'
import { BackLink } from '../../components/back-link'
import { LoadingState } from '../../components/loading-state'
import { NotFoundState } from '../../components/not-found-state'
import { PageHeader } from '../../components/page-header'
import { QueryError } from '../../components/query-error'
import { SectionCard } from '../../components/section-card'
import { useInvoice } from '../billing/billing-api'
import { InvoiceDocuments } from '../billing/invoice-documents'
import { InvoiceLines } from '../billing/invoice-lines'
import { InvoicePayments } from '../billing/invoice-payments'
import { InvoiceMoneyBack } from '../billing/invoice-refunds'
import { InvoiceStatusBadge } from '../billing/invoice-status-badge'
import { InvoiceSummary } from '../billing/invoice-summary'
import { PayByCard } from './pay-by-card'

/** A company admin's invoice: what is owed and why, paying it by card, payments, and money back. */
export function CompanyInvoicePage() {
  const { t } = useTranslation()
  const id = useParams().id ?? ''
  const invoice = useInvoice(id)
  const i = invoice.data
  usePageTitle(i?.number ?? t('splits.invoice.title'))

  if (isNotFound(invoice.error))
    return (
      <NotFoundState error={invoice.error} backTo="/splits/billing" backLabel={t('splits.billing.back')} />
    )
  return (
    <>
      <BackLink to="/splits/billing" label={t('splits.billing.back')} />
      <PageHeader
        title={
          <Group gap="sm" component="span">
            {i ? t('splits.invoice.titleNumber', { number: i.number ?? '—' }) : t('splits.invoice.title')}
            {i && <InvoiceStatusBadge status={i.status} size="lg" />}
          </Group>
        }
        description={i?.company.name}
        actions={i && <InvoiceDocuments invoice={i} />}
      />
      {invoice.isPending && <LoadingState />}
      {invoice.isError && (
        <QueryError
          error={invoice.error}
          signInTitle={t('splits.billing.signInRequired')}
          onRetry={() => invoice.refetch()}
        />
      )}
      {i && (
        <Stack gap="xl">
          <SectionCard title={t('splits.invoice.summary')}>
            <InvoiceSummary invoice={i} />
          </SectionCard>
          {i.status !== 'void' && (
            <SectionCard title={t('splits.pay.title')}>
              <PayByCard invoice={i} />
            </SectionCard>
          )}
          <SectionCard title={t('splits.invoice.lines')}>
            <InvoiceLines invoice={i} />
          </SectionCard>
          <SectionCard title={t('splits.invoice.payments')}>
            <InvoicePayments payments={i.payments} />
          </SectionCard>
          {(i.refunds.length > 0 || i.credit_notes.length > 0) && (
            <SectionCard title={t('splits.invoice.moneyBack')}>
              <InvoiceMoneyBack invoice={i} />
            </SectionCard>
          )}
        </Stack>
      )}
    </>
  )
}
