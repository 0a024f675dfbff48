import { Anchor, Group, Text } from '@mantine/core'
import { IconFileInvoice } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useInvoices } from '../billing/billing-api'
import { InvoiceStatusBadge } from '../billing/invoice-status-badge'

/** For the company's admins and platform admins: the invoice that charges this placement's fee. */
export function PlacementInvoiceLink({ placementId, admin }: { placementId: string; admin: boolean }) {
  const { t } = useTranslation()
  const invoices = useInvoices({ placement_id: placementId })
  const invoice = invoices.data?.pages[0]?.data[0]
  if (!invoice) return null
  const to = admin ? `/admin/finance/invoices/${invoice.id}` : `/splits/billing/invoices/${invoice.id}`
  return (
    <Group gap={6} wrap="nowrap">
      <IconFileInvoice size={16} />
      <Text size="sm">
        <Anchor component={Link} to={to} size="sm" fw={600}>
          {t('splits.invoice.titleNumber', { number: invoice.number ?? '—' })}
        </Anchor>
      </Text>
      <InvoiceStatusBadge status={invoice.status} size="sm" />
    </Group>
  )
}
