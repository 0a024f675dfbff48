import { Anchor, Group, Paper, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatDateTime } from '../../lib/format'
import { VocabBadge } from '../reference/vocab-badge'
import { Amount } from './amount'
import type { Invoice, InvoiceRefund } from './billing-api'

interface MoneyBackProps {
  invoice: Invoice
  /** The admin's action on a refund (mark a bank refund sent). */
  refundAction?: (refund: InvoiceRefund) => ReactNode
}

/**
 * Money going back to the company after a fall-off: refunds (to the card, or by bank transfer) and
 * credit notes (kept as credit for later invoices).
 */
export function InvoiceMoneyBack({ invoice, refundAction }: MoneyBackProps) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  if (invoice.refunds.length === 0 && invoice.credit_notes.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('splits.invoice.nothingBack')}
      </Text>
    )
  return (
    <Stack
      component="ul"
      gap="xs"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('splits.invoice.moneyBack')}
    >
      {invoice.refunds.map((r) => (
        <Paper
          key={r.id}
          component="li"
          withBorder
          p="sm"
          radius="md"
          aria-label={t('splits.invoice.refund')}
        >
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
            <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
              <Group gap="xs">
                <Text size="sm" fw={600}>
                  {r.method === 'card'
                    ? t('splits.invoice.refundToCard')
                    : t('splits.invoice.refundByTransfer')}
                </Text>
                <VocabBadge kind="refundStatuses" code={r.status} size="sm" />
              </Group>
              <Text size="xs" c="dimmed">
                {formatDateTime(r.created_at, lang)}
              </Text>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {r.reason}
              </Text>
            </Stack>
            <Stack gap={6} align="flex-end">
              <Amount value={r.amount} fw={600} />
              {refundAction?.(r)}
            </Stack>
          </Group>
        </Paper>
      ))}
      {invoice.credit_notes.map((c) => (
        <Paper
          key={c.id}
          component="li"
          withBorder
          p="sm"
          radius="md"
          aria-label={t('splits.invoice.creditNote')}
        >
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
            <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
              <Text size="sm" fw={600}>
                {t('splits.invoice.creditNote')}
              </Text>
              <Text size="xs" c="dimmed">
                {formatDateTime(c.created_at, lang)}
              </Text>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {c.reason}
              </Text>
              <Anchor component={Link} to={`/splits/placements/${c.placement_id}`} size="xs">
                {t('splits.invoice.viewPlacement')}
              </Anchor>
            </Stack>
            <Amount value={c.amount} fw={600} c="teal" />
          </Group>
        </Paper>
      ))}
    </Stack>
  )
}
