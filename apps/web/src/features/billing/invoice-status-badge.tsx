import type { BadgeProps } from '@mantine/core'
import { VocabBadge } from '../reference/vocab-badge'
import type { InvoiceStatus } from './billing-api'

/** Open, partly paid, paid, void, or overdue (open or partly paid past its due date), in colour. */
export function InvoiceStatusBadge({
  status,
  ...props
}: { status: InvoiceStatus } & Omit<BadgeProps, 'children'>) {
  return <VocabBadge kind="invoiceStatuses" code={status} {...props} />
}
