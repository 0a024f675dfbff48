import { Divider, Group, SimpleGrid, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Fact } from '../../components/fact'
import { formatDate } from '../../lib/format'
import { sumMinor } from '../../lib/money'
import { useVocab } from '../reference/use-vocab'
import { Amount } from './amount'
import type { Invoice } from './billing-api'
import { daysBetween, localToday } from './due-date'

/** An invoice at a glance: what it is for, what was paid, credited and refunded, and what is still owed. */
export function InvoiceSummary({ invoice: i }: { invoice: Invoice }) {
  const { t, i18n } = useTranslation()
  const { label } = useVocab()
  const lang = i18n.language
  const late = i.due_on && i.status === 'overdue' ? daysBetween(i.due_on, localToday()) : 0
  const dueIn =
    i.due_on && (i.status === 'open' || i.status === 'partially_paid')
      ? daysBetween(localToday(), i.due_on)
      : null

  return (
    <Stack gap="lg">
      <Group gap="xl" align="flex-end" wrap="wrap">
        <Stack gap={2}>
          <Text size="xs" c="dimmed">
            {t('splits.invoice.outstanding')}
          </Text>
          <Amount value={i.outstanding} fz={30} fw={700} lh={1.1} c={late > 0 ? 'red' : undefined} />
        </Stack>
        <Stack gap={2}>
          <Text size="xs" c="dimmed">
            {t('splits.invoice.total')}
          </Text>
          <Amount value={i.total} size="lg" fw={600} />
        </Stack>
        {i.due_on && i.status !== 'void' && i.status !== 'paid' && (
          <Stack gap={2}>
            <Text size="xs" c="dimmed">
              {t('splits.invoice.due')}
            </Text>
            <Text size="lg" fw={600}>
              {formatDate(i.due_on, lang)}
            </Text>
          </Stack>
        )}
        {late > 0 && (
          <Text size="sm" c="red" fw={600} pb={4}>
            {t('splits.invoice.lateBy', { count: late })}
          </Text>
        )}
        {dueIn !== null && dueIn >= 0 && (
          <Text size="sm" c="dimmed" pb={4}>
            {dueIn === 0 ? t('splits.invoice.dueToday') : t('splits.invoice.dueIn', { count: dueIn })}
          </Text>
        )}
      </Group>
      <Divider />
      <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing="lg" verticalSpacing="md">
        <Fact label={t('splits.invoice.paid')}>
          <Amount value={i.amount_paid} fw={500} />
        </Fact>
        {i.amount_credited.amount !== '0' && (
          <Fact label={t('splits.invoice.credited')}>
            <Amount value={i.amount_credited} fw={500} />
          </Fact>
        )}
        {i.amount_refunded.amount !== '0' && (
          <Fact label={t('splits.invoice.refunded')}>
            <Amount value={i.amount_refunded} fw={500} />
          </Fact>
        )}
        {i.credit_notes.length > 0 && (
          <Fact label={t('splits.invoice.creditNotes')}>
            <Amount
              value={{
                amount: sumMinor(i.credit_notes.map((c) => c.amount.amount)).toString(),
                currency: i.total.currency,
              }}
              fw={500}
            />
          </Fact>
        )}
        <Fact label={t('splits.invoice.issued')}>{i.issued_on ? formatDate(i.issued_on, lang) : '—'}</Fact>
        <Fact label={t('splits.invoice.terms')}>{label('paymentTerms', i.payment_terms)}</Fact>
        <Fact label={t('splits.invoice.grouping')}>
          {i.period
            ? t('splits.invoice.period', {
                start: formatDate(i.period.start, lang),
                end: i.period.end ? formatDate(i.period.end, lang) : '…',
              })
            : label('invoiceGrouping', i.grouping)}
        </Fact>
        <Fact label={t('splits.invoice.company')}>{i.company.name}</Fact>
      </SimpleGrid>
      {i.void_reason && (
        <Text size="sm" c="dimmed">
          {t('splits.invoice.voidReason', { reason: i.void_reason })}
        </Text>
      )}
    </Stack>
  )
}
