import { Anchor, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useInvoice, useInvoices } from '../billing/billing-api'
import { useVocab } from '../reference/use-vocab'
import type { Posting } from './finance-api'

const meta = (posting: Posting, key: string): string | null => {
  const m =
    posting.metadata && typeof posting.metadata === 'object'
      ? (posting.metadata as Record<string, unknown>)
      : {}
  return typeof m[key] === 'string' ? (m[key] as string) : null
}

/**
 * What a posting is about, as links back into the business: the invoice (by number and company),
 * the payment on it, the refund, the placement. A payment's posting names its invoice in its
 * metadata; a refund's and a credit note's name their placement, whose invoice is looked up.
 */
export function BusinessReference({ posting }: { posting: Posting }) {
  const { t } = useTranslation()
  const { label } = useVocab()
  const ref = posting.reference
  const invoiceId =
    ref.type === 'invoice' ? ref.id : ref.type === 'payment' ? meta(posting, 'invoice_id') : null
  const placementId = ref.type === 'placement' ? ref.id : (meta(posting, 'placement_id') ?? null)
  const invoice = useInvoice(invoiceId ?? '', Boolean(invoiceId))
  const byPlacement = useInvoices(
    { placement_id: placementId ?? undefined },
    !invoiceId && Boolean(placementId),
  )
  const placementInvoice = byPlacement.data?.pages[0]?.data[0]
  const shown = invoice.data ?? placementInvoice

  return (
    <Stack gap={6}>
      <Text size="sm">
        <Text span c="dimmed" size="sm">
          {label('referenceTypes', ref.type)}
        </Text>{' '}
        <Text span size="xs" c="dimmed" ff="monospace" dir="ltr">
          {ref.id}
        </Text>
      </Text>
      {shown && (
        <Anchor component={Link} to={`/admin/finance/invoices/${shown.id}`} size="sm" fw={600}>
          {t('admin.finance.ledger.openInvoice', {
            number: shown.number ?? '—',
            company: shown.company.name,
          })}
        </Anchor>
      )}
      {placementId && (
        <Anchor component={Link} to={`/splits/placements/${placementId}`} size="sm">
          {t('admin.finance.ledger.openPlacement')}
        </Anchor>
      )}
    </Stack>
  )
}
