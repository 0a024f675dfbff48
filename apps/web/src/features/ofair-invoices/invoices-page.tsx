import { SegmentedControl, Stack } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { usePageTitle } from '../../app/use-page-title'
import { EmptyState } from '../../components/empty-state'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { useMyProfessional } from '../ofair-leads/ofair-api'
import { DocumentCard } from './document-card'
import { type InvoiceDocument, useProfessionalInvoices } from './invoices-api'

type Filter = 'all' | InvoiceDocument['document_type']

/** The professional's monthly documents from OFAIR, newest first, each with its PDF. */
export function OfairInvoicesPage() {
  const { t } = useTranslation()
  usePageTitle(t('ofair.invoices.title'))
  const me = useMyProfessional()
  const docs = useProfessionalInvoices(me.data?.id)
  const [filter, setFilter] = useState<Filter>('all')
  // a notice links to the document it is about
  const [params] = useSearchParams()
  const highlighted = params.get('document')
  const shown = docs.data?.data.filter((d) => filter === 'all' || d.document_type === filter) ?? []
  return (
    <>
      <PageHeader title={t('ofair.invoices.title')} description={t('ofair.invoices.description')} />
      <Stack gap="md">
        <SegmentedControl
          value={filter}
          onChange={(v) => setFilter(v as Filter)}
          data={[
            { value: 'all', label: t('ofair.invoices.filterAll') },
            { value: 'tax_invoice', label: t('ofair.invoices.type.tax_invoice') },
            { value: 'settlement_statement', label: t('ofair.invoices.type.settlement_statement') },
            { value: 'credit_note', label: t('ofair.invoices.type.credit_note') },
          ]}
        />
        {me.isError ? (
          <ErrorAlert error={me.error} />
        ) : me.isPending || docs.isPending ? (
          <LoadingState />
        ) : docs.isError ? (
          <ErrorAlert error={docs.error} />
        ) : shown.length === 0 ? (
          <EmptyState title={t('ofair.invoices.empty')} />
        ) : (
          shown.map((d) => <DocumentCard key={d.id} doc={d} highlight={d.id === highlighted} />)
        )}
      </Stack>
    </>
  )
}
