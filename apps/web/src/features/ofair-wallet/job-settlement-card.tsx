import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/error-alert'
import type { Lead } from '../ofair-leads/ofair-api'
import { formatShekels } from '../ofair-leads/ofair-format'
import { type Payment, useCompleteJob, useConfirmJob, useDisputeJob, useLeadPayment } from './wallet-api'

const STATUS_COLOR: Record<string, string> = {
  awaiting_confirmation: 'orange',
  disputed: 'red',
  confirmed: 'teal',
  paid: 'blue',
  released: 'teal',
  refunded: 'gray',
  cancelled: 'gray',
}

/**
 * The job's money on the lead page: the performer marks the job done with the final amount; the
 * owner confirms it or disputes it; both see the split (platform commission, referral fees, the
 * performer's net).
 */
export function JobSettlementCard({ lead }: { lead: Lead }) {
  const { t } = useTranslation()
  const performer = lead.my_proposal?.status === 'accepted'
  const involved = lead.is_owner || performer || lead.status === 'closed'
  const payment = useLeadPayment(lead.id, involved && lead.status !== 'active')
  if (!involved || lead.status === 'active') return null
  if (payment.isPending) return null
  if (payment.isError) return <ErrorAlert error={payment.error} />
  if (!payment.data) {
    if (performer && lead.status === 'pending' && lead.my_proposal) {
      return <MarkDone proposalId={lead.my_proposal.id} />
    }
    if (lead.is_owner && lead.status === 'pending') {
      return (
        <Card withBorder radius="md" padding="md">
          <Text size="sm" c="dimmed">
            {t('ofair.settlement.waitingForPerformer')}
          </Text>
        </Card>
      )
    }
    return null
  }
  return <Breakdown payment={payment.data} />
}

function MarkDone({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation()
  const [amount, setAmount] = useState<number | string>('')
  const complete = useCompleteJob(proposalId, () => Number(amount))
  return (
    <Card withBorder radius="md" padding="md" data-testid="mark-done">
      <Stack gap="xs">
        <Title order={2} fz="lg">
          {t('ofair.settlement.markDoneTitle')}
        </Title>
        <Text size="sm">{t('ofair.settlement.markDoneText')}</Text>
        <NumberInput
          label={t('ofair.settlement.finalAmount')}
          min={1}
          thousandSeparator=","
          suffix=" ₪"
          value={amount}
          onChange={setAmount}
        />
        {complete.isError && <ErrorAlert error={complete.error} />}
        <Group>
          <Button
            disabled={!(Number(amount) > 0)}
            loading={complete.isPending}
            onClick={() => complete.mutate()}
          >
            {t('ofair.settlement.markDone')}
          </Button>
        </Group>
      </Stack>
    </Card>
  )
}

function Breakdown({ payment }: { payment: Payment }) {
  const { t } = useTranslation()
  const [disputing, setDisputing] = useState(false)
  const [reason, setReason] = useState('')
  const confirm = useConfirmJob(payment.proposal_id)
  const dispute = useDisputeJob(payment.proposal_id, () => reason)
  const canConfirm = payment.you.is_owner && payment.status === 'awaiting_confirmation'
  const canDispute =
    (payment.you.is_owner || payment.you.is_performer) &&
    (payment.settlement_mode === 'b2b'
      ? payment.status === 'awaiting_confirmation'
      : ['awaiting_confirmation', 'confirmed', 'paid'].includes(payment.status))
  const rows: [string, string | null | undefined, string][] = [
    [t('ofair.settlement.finalAmount'), payment.final_amount.amount, 'final'],
    [
      t('ofair.settlement.platformCommission', { percent: payment.platform_commission_percentage }),
      payment.platform_commission?.amount,
      'commission',
    ],
    ...payment.referrer_fees.map(
      (f) =>
        [
          t('ofair.settlement.referrerFee', { name: f.referrer.display_name, percent: f.share_percentage }),
          f.fee.amount,
          `referrer-${f.level}`,
        ] as [string, string, string],
    ),
    [
      t('ofair.settlement.performerNet', { name: payment.performer.display_name }),
      payment.professional_net_amount?.amount,
      'net',
    ],
  ]
  return (
    <Card withBorder radius="md" padding="md" data-testid="job-settlement">
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} fz="lg">
            {t('ofair.settlement.title')}
          </Title>
          <Badge color={STATUS_COLOR[payment.status] ?? 'gray'} data-testid="payment-status">
            {t(`ofair.settlement.status.${payment.status}` as 'ofair.settlement.status.confirmed')}
          </Badge>
        </Group>
        <Table>
          <Table.Tbody>
            {rows
              .filter(([, amount]) => amount !== null && amount !== undefined)
              .map(([label, amount, key]) => (
                <Table.Tr key={key} data-testid={`split-${key}`}>
                  <Table.Td>{label}</Table.Td>
                  <Table.Td ta="end" fw={key === 'net' || key === 'final' ? 700 : 500}>
                    {formatShekels(amount)}
                  </Table.Td>
                </Table.Tr>
              ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed">
          {payment.settlement_mode === 'b2b'
            ? t('ofair.settlement.b2bNote')
            : t('ofair.settlement.capturedNote')}
        </Text>
        {payment.dispute?.status === 'open' && (
          <Alert color="red" title={t('ofair.settlement.disputeOpen')}>
            {payment.dispute.reason}
          </Alert>
        )}
        {payment.dispute?.status === 'resolved' && (
          <Alert color="gray" title={t('ofair.settlement.disputeResolved')}>
            {payment.dispute.resolution_note}
          </Alert>
        )}
        {confirm.isError && <ErrorAlert error={confirm.error} />}
        {(canConfirm || canDispute) && (
          <Group gap="xs">
            {canConfirm && (
              <Button loading={confirm.isPending} onClick={() => confirm.mutate()}>
                {t('ofair.settlement.confirm')}
              </Button>
            )}
            {canDispute && (
              <Button variant="default" color="red" onClick={() => setDisputing(true)}>
                {t('ofair.settlement.dispute')}
              </Button>
            )}
          </Group>
        )}
      </Stack>
      <Modal opened={disputing} onClose={() => setDisputing(false)} title={t('ofair.settlement.dispute')}>
        <Stack>
          <Text size="sm">{t('ofair.settlement.disputeText')}</Text>
          <Textarea
            label={t('ofair.settlement.disputeReason')}
            minRows={3}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          {dispute.isError && <ErrorAlert error={dispute.error} />}
          <Group justify="flex-end">
            <Button
              color="red"
              disabled={!reason.trim()}
              loading={dispute.isPending}
              onClick={() => dispute.mutate(undefined, { onSuccess: () => setDisputing(false) })}
            >
              {t('ofair.settlement.disputeSend')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  )
}
