import { Group, Paper, Stack, Table, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useIsPhone } from '../../components/use-is-phone'
import { formatDate, formatDateTime } from '../../lib/format'
import { useVocab } from '../reference/use-vocab'
import { VocabBadge } from '../reference/vocab-badge'
import { Amount } from './amount'
import type { InvoicePayment } from './billing-api'

interface InvoicePaymentsProps {
  payments: InvoicePayment[]
  /** Extra per payment at the end of its row (the admin's link to its ledger posting). */
  extra?: (payment: InvoicePayment) => ReactNode
}

/** Every attempt to pay the invoice: succeeded, processing and declined alike, with why it failed. */
export function InvoicePayments({ payments, extra }: InvoicePaymentsProps) {
  const { t, i18n } = useTranslation()
  const { label } = useVocab()
  const phone = useIsPhone()
  const lang = i18n.language
  if (payments.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('splits.invoice.noPayments')}
      </Text>
    )
  const when = (p: InvoicePayment) =>
    p.received_on ? formatDate(p.received_on, lang) : formatDateTime(p.created_at, lang)
  const details = (p: InvoicePayment) => (
    <Stack gap={2}>
      {p.reference && (
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {t('splits.invoice.reference', { reference: p.reference })}
        </Text>
      )}
      {p.failure_reason && (
        <Text size="sm" c="red">
          {p.failure_reason}
        </Text>
      )}
      {p.amount_refunded.amount !== '0' && (
        <Text size="sm" c="dimmed">
          {t('splits.invoice.paymentRefunded')} <Amount span value={p.amount_refunded} />
        </Text>
      )}
    </Stack>
  )

  if (phone)
    return (
      <Stack
        component="ul"
        gap="xs"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-label={t('splits.invoice.payments')}
      >
        {payments.map((p) => (
          <Paper key={p.id} component="li" withBorder p="sm" radius="md">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={2}>
                <Text size="sm" fw={600}>
                  {label('paymentMethods', p.method)}
                </Text>
                <Text size="xs" c="dimmed">
                  {when(p)}
                </Text>
              </Stack>
              <Stack gap={4} align="flex-end">
                <Amount value={p.amount} fw={600} />
                <VocabBadge kind="paymentStatuses" code={p.status} size="sm" />
              </Stack>
            </Group>
            <Stack gap={4} mt={6}>
              {details(p)}
              {extra?.(p)}
            </Stack>
          </Paper>
        ))}
      </Stack>
    )

  return (
    <Table.ScrollContainer minWidth={620}>
      <Table aria-label={t('splits.invoice.payments')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('splits.invoice.date')}</Table.Th>
            <Table.Th>{t('splits.invoice.method')}</Table.Th>
            <Table.Th>{t('splits.invoice.status')}</Table.Th>
            <Table.Th ta="end">{t('splits.invoice.amount')}</Table.Th>
            <Table.Th>{t('splits.invoice.details')}</Table.Th>
            {extra && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {payments.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Text size="sm">{when(p)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{label('paymentMethods', p.method)}</Text>
              </Table.Td>
              <Table.Td>
                <VocabBadge kind="paymentStatuses" code={p.status} />
              </Table.Td>
              <Table.Td ta="end">
                <Amount value={p.amount} fw={500} />
              </Table.Td>
              <Table.Td>{details(p)}</Table.Td>
              {extra && <Table.Td ta="end">{extra(p)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
