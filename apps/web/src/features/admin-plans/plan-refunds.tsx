import { Badge, Button, Group, Modal, NumberInput, Stack, Table, Text, Textarea } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconReceiptRefund } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/error-alert'
import { SectionCard } from '../../components/section-card'
import { formatDate } from '../../lib/format'
import { formatMoneyValue } from '../../lib/money'
import { Amount } from '../billing/amount'
import { type PaidPlanInvoice, type PlansOverview, useRefundPlanInvoice } from './admin-plans-api'

/** The latest paid plan invoices, each with a refund action (a dialog: amount, reason, confirm). */
export function PaidInvoices({ o }: { o: PlansOverview }) {
  const { t, i18n } = useTranslation()
  const [refunding, setRefunding] = useState<PaidPlanInvoice | null>(null)
  return (
    <SectionCard title={t('adminPlans.invoices.title')}>
      {o.paid_invoices.length === 0 ? (
        <Text size="sm" c="dimmed" py="md" ta="center">
          {t('adminPlans.invoices.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" data-testid="plans-paid-invoices">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('adminPlans.col.recruiter')}</Table.Th>
                <Table.Th>{t('adminPlans.invoices.number')}</Table.Th>
                <Table.Th>{t('adminPlans.invoices.paidAt')}</Table.Th>
                <Table.Th ta="end">{t('adminPlans.invoices.paid')}</Table.Th>
                <Table.Th ta="end">{t('adminPlans.invoices.refunded')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {o.paid_invoices.map((inv) => {
                const left = BigInt(inv.amount_paid.amount) - BigInt(inv.amount_refunded.amount)
                return (
                  <Table.Tr key={inv.invoice_id}>
                    <Table.Td>{inv.recruiter_name}</Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {inv.number ?? inv.invoice_id}
                      </Text>
                    </Table.Td>
                    <Table.Td>{formatDate(inv.paid_at, i18n.language)}</Table.Td>
                    <Table.Td ta="end">
                      <Amount value={inv.amount_paid} />
                    </Table.Td>
                    <Table.Td ta="end">
                      {inv.amount_refunded.amount === '0' ? '—' : <Amount value={inv.amount_refunded} />}
                    </Table.Td>
                    <Table.Td ta="end">
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        leftSection={<IconReceiptRefund size={14} />}
                        disabled={left <= 0n}
                        onClick={() => setRefunding(inv)}
                        aria-label={t('adminPlans.refund.action', { number: inv.number ?? inv.invoice_id })}
                      >
                        {t('adminPlans.refund.button')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <RefundModal invoice={refunding} onClose={() => setRefunding(null)} />
    </SectionCard>
  )
}

function RefundModal({ invoice, onClose }: { invoice: PaidPlanInvoice | null; onClose: () => void }) {
  const { t, i18n } = useTranslation()
  const refund = useRefundPlanInvoice()
  const [reason, setReason] = useState('')
  const [amount, setAmount] = useState<number | string>('')
  const [confirming, setConfirming] = useState(false)
  const [key, setKey] = useState(() => crypto.randomUUID())
  const left = invoice ? BigInt(invoice.amount_paid.amount) - BigInt(invoice.amount_refunded.amount) : 0n
  const cents = amount === '' ? left : BigInt(Math.round(Number(amount) * 100))
  const close = () => {
    setReason('')
    setAmount('')
    setConfirming(false)
    setKey(crypto.randomUUID())
    refund.reset()
    onClose()
  }
  const currency = invoice?.amount_paid.currency ?? 'USD'
  const shown = formatMoneyValue({ amount: cents.toString(), currency }, i18n.language)
  const invalid = reason.trim().length < 3 || cents <= 0n || cents > left
  return (
    <Modal opened={invoice !== null} onClose={close} title={t('adminPlans.refund.title')} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (!invoice || invalid) return
          if (!confirming) {
            setConfirming(true)
            return
          }
          refund.mutate(
            {
              invoiceId: invoice.invoice_id,
              reason: reason.trim(),
              key,
              ...(cents === left ? {} : { amount: cents.toString() }),
            },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: t('adminPlans.refund.done', { amount: shown }) })
                close()
              },
            },
          )
        }}
      >
        <Stack>
          <Text size="sm">
            {t('adminPlans.refund.help', {
              name: invoice?.recruiter_name ?? '',
              left: formatMoneyValue({ amount: left.toString(), currency }, i18n.language),
            })}
          </Text>
          <NumberInput
            label={t('adminPlans.refund.amount')}
            description={t('adminPlans.refund.amountHelp')}
            value={amount}
            onChange={(v) => {
              setAmount(v)
              setConfirming(false)
            }}
            min={0.01}
            max={Number(left) / 100}
            decimalScale={2}
            prefix="$"
            disabled={confirming}
          />
          <Textarea
            label={t('adminPlans.refund.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={500}
            required
            disabled={confirming}
            data-autofocus
          />
          {confirming && (
            <Text size="sm" fw={600} c="red" data-testid="plan-refund-confirm-text">
              {t('adminPlans.refund.confirmBody', { amount: shown, name: invoice?.recruiter_name ?? '' })}
            </Text>
          )}
          {refund.isError && <ErrorAlert error={refund.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={confirming ? () => setConfirming(false) : close}>
              {confirming ? t('adminPlans.refund.back') : t('common.cancel')}
            </Button>
            <Button type="submit" color="red" disabled={invalid} loading={refund.isPending}>
              {confirming ? t('adminPlans.refund.confirm', { amount: shown }) : t('adminPlans.refund.next')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

/** The latest refunds of plan invoices: who, how much, why, and whether the ledger has it. */
export function PlanRefunds({ o }: { o: PlansOverview }) {
  const { t, i18n } = useTranslation()
  return (
    <SectionCard title={t('adminPlans.refunds.title')}>
      {o.refunds.length === 0 ? (
        <Text size="sm" c="dimmed" py="md" ta="center">
          {t('adminPlans.refunds.none')}
        </Text>
      ) : (
        <Table verticalSpacing="xs" data-testid="plans-refunds">
          <Table.Tbody>
            {o.refunds.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Text size="sm">{r.recruiter_name}</Text>
                  <Text size="xs" c="dimmed">
                    {r.reason}
                  </Text>
                </Table.Td>
                <Table.Td ta="end">
                  <Amount value={r.amount} />
                </Table.Td>
                <Table.Td>
                  <Badge
                    size="xs"
                    variant="light"
                    color={r.status === 'succeeded' ? 'teal' : r.status === 'failed' ? 'red' : 'yellow'}
                  >
                    {t(`adminPlans.refunds.status.${r.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatDate(r.refunded_at ?? r.created_at, i18n.language)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </SectionCard>
  )
}
