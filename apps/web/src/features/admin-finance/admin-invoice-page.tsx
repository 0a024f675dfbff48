import { Anchor, Group, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
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
import { CompleteRefundButton } from './complete-refund-button'
import { LedgerPostingsList } from './ledger-postings-list'
import { PaymentPostingLink } from './payment-posting-link'
import { RecordTransferForm } from './record-transfer-form'

/**
 * A platform admin's invoice: the same facts the company sees, plus recording a bank transfer,
 * marking bank refunds sent, and every ledger posting the invoice caused.
 */
export function AdminInvoicePage() {
  const { t } = useTranslation()
  const id = useParams().id ?? ''
  const invoice = useInvoice(id)
  const i = invoice.data
  usePageTitle(i?.number ?? t('splits.invoice.title'))
  const payable =
    i && ['open', 'partially_paid', 'overdue'].includes(i.status) && i.outstanding.amount !== '0'

  if (isNotFound(invoice.error))
    return (
      <NotFoundState
        error={invoice.error}
        backTo="/admin/finance/invoices"
        backLabel={t('admin.finance.invoices.back')}
      />
    )
  return (
    <>
      <BackLink to="/admin/finance/invoices" label={t('admin.finance.invoices.back')} />
      <PageHeader
        title={
          <Group gap="sm" component="span">
            {i ? t('splits.invoice.titleNumber', { number: i.number ?? '—' }) : t('splits.invoice.title')}
            {i && <InvoiceStatusBadge status={i.status} size="lg" />}
          </Group>
        }
        description={
          i && (
            <Anchor component={Link} to={`/admin/finance/invoices?company=${i.company.id}`} inherit>
              {i.company.name}
            </Anchor>
          )
        }
        actions={i && <InvoiceDocuments invoice={i} />}
      />
      {invoice.isPending && <LoadingState />}
      {invoice.isError && (
        <QueryError
          error={invoice.error}
          signInTitle={t('admin.finance.signInRequired')}
          onRetry={() => invoice.refetch()}
        />
      )}
      {i && (
        <Stack gap="xl">
          <SectionCard title={t('splits.invoice.summary')}>
            <InvoiceSummary invoice={i} />
          </SectionCard>
          <SectionCard title={t('splits.invoice.lines')}>
            <InvoiceLines invoice={i} />
          </SectionCard>
          <SectionCard title={t('splits.invoice.payments')}>
            <InvoicePayments
              payments={i.payments}
              extra={(p) => p.status === 'succeeded' && <PaymentPostingLink paymentId={p.id} />}
            />
          </SectionCard>
          {payable && (
            <SectionCard title={t('admin.finance.transfer.title')}>
              <RecordTransferForm invoice={i} />
            </SectionCard>
          )}
          {(i.refunds.length > 0 || i.credit_notes.length > 0) && (
            <SectionCard title={t('splits.invoice.moneyBack')}>
              <InvoiceMoneyBack
                invoice={i}
                refundAction={(r) => <CompleteRefundButton invoice={i} refund={r} />}
              />
            </SectionCard>
          )}
          <SectionCard title={t('admin.finance.ledger.postingsTitle')}>
            <LedgerPostingsList
              references={[
                { type: 'invoice', id: i.id },
                ...i.payments
                  .filter((p) => p.status === 'succeeded')
                  .map((p) => ({ type: 'payment', id: p.id })),
                ...i.refunds.map((r) => ({ type: 'refund', id: r.id })),
                ...[...new Set(i.lines.map((l) => l.placement_id))].map((pid) => ({
                  type: 'placement',
                  id: pid,
                })),
              ]}
            />
          </SectionCard>
        </Stack>
      )}
    </>
  )
}
