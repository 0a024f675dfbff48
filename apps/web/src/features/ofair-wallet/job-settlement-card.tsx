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
import {
  type Payment,
  useAnswerDispute,
  useCompleteJob,
  useConfirmJob,
  useDisputeJob,
  useLeadPayment,
} from './wallet-api'

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
        {payment.dispute?.status === 'open' && <OpenDispute payment={payment} />}
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

/**
 * An open dispute on the job: what the opener said, the other side's answer, and — for the other
 * side, until it answers — a box to give its own statement for the admin who will decide.
 */
function OpenDispute({ payment }: { payment: Payment }) {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const answer = useAnswerDispute(payment.proposal_id, () => text)
  const d = payment.dispute!
  const mySide = payment.you.is_owner ? 'owner' : payment.you.is_performer ? 'performer' : null
  const canAnswer = mySide !== null && mySide !== d.opened_by_role && d.response === null
  return (
    <Alert color="red" title={t('ofair.settlement.disputeOpen')}>
      <Stack gap="xs">
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          <Text span fw={600}>
            {t(`ofair.settlement.disputeSide.${d.opened_by_role as 'owner' | 'performer'}`)}:{' '}
          </Text>
          {d.reason}
        </Text>
        {d.response !== null && (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }} data-testid="dispute-response">
            <Text span fw={600}>
              {t(`ofair.settlement.disputeSide.${d.opened_by_role === 'owner' ? 'performer' : 'owner'}`)}:{' '}
            </Text>
            {d.response}
          </Text>
        )}
        {canAnswer && (
          <Stack gap="xs">
            <Textarea
              label={t('ofair.settlement.disputeAnswer')}
              description={t('ofair.settlement.disputeAnswerHelp')}
              minRows={3}
              maxLength={2000}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            {answer.isError && <ErrorAlert error={answer.error} />}
            <Group justify="flex-end">
              <Button
                size="xs"
                disabled={!text.trim()}
                loading={answer.isPending}
                onClick={() => answer.mutate()}
              >
                {t('ofair.settlement.disputeAnswerSend')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Alert>
  )
}
