import { Alert, Button, Group, Select, Stack, Text } from '@mantine/core'
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconClock,
  IconCreditCard,
  IconInfoCircle,
} from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, errorMessage } from '../../api/client'
import { SupportInfo } from '../../components/support-info'
import { formatMoneyValue } from '../../lib/money'
import { useDemoPersonas } from '../auth/auth-api'
import { type Invoice, newIdempotencyKey, usePayInvoice } from './../billing/billing-api'

/**
 * Stripe's test payment methods that the demo's local Stripe test server understands, each with
 * what it does. A real deployment does not list cards: it collects the card with Stripe Elements
 * (the card number never touches our servers) and sends the PaymentMethod id Elements returns to
 * the same POST /api/invoices/{id}/pay. Elements is not wired in yet; this select stands in for it
 * in demo mode only.
 */
const TEST_CARDS = [
  { id: 'pm_card_visa', key: 'visa' },
  { id: 'pm_card_mastercard', key: 'mastercard' },
  { id: 'pm_card_chargeDeclined', key: 'declined' },
  { id: 'pm_card_chargeDeclinedInsufficientFunds', key: 'insufficientFunds' },
  { id: 'pm_card_chargeDeclinedExpiredCard', key: 'expired' },
] as const
type TestCardKey = (typeof TEST_CARDS)[number]['key']

type Outcome =
  | { kind: 'succeeded' | 'processing' | 'requires_action'; amount: string }
  | { kind: 'failed'; error: unknown }

/** "Pay by card": the amount still owed, a card, and the outcome in words (declines say why). */
export function PayByCard({ invoice }: { invoice: Invoice }) {
  const { t, i18n } = useTranslation()
  const demo = (useDemoPersonas().data ?? []).length > 0
  const pay = usePayInvoice(invoice.id)
  const [card, setCard] = useState<string | null>('pm_card_visa')
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const owed = formatMoneyValue(invoice.outstanding, i18n.language)
  const payable =
    ['open', 'partially_paid', 'overdue'].includes(invoice.status) && invoice.outstanding.amount !== '0'
  const processing = invoice.payments.some((p) => p.status === 'processing' || p.status === 'pending')
  const cardWords = (key: TestCardKey) => ({
    label: t(`splits.pay.cards.${key}.label`),
    description: t(`splits.pay.cards.${key}.description`),
  })

  const submit = () => {
    if (!card) return
    setOutcome(null)
    pay.mutate(
      { method: 'card', payment_method: card, idempotencyKey: newIdempotencyKey() },
      {
        onSuccess: (r) => setOutcome({ kind: r.status, amount: owed }),
        onError: (error) => setOutcome({ kind: 'failed', error }),
      },
    )
  }

  return (
    <Stack gap="md">
      {outcome?.kind === 'succeeded' && (
        <Alert
          color="teal"
          variant="light"
          icon={<IconCircleCheck size={20} />}
          title={t('splits.pay.succeededTitle')}
        >
          {t('splits.pay.succeeded', { amount: outcome.amount })}
        </Alert>
      )}
      {outcome?.kind === 'processing' && (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconClock size={20} />}
          title={t('splits.pay.processingTitle')}
        >
          {t('splits.pay.processing', { amount: outcome.amount })}
        </Alert>
      )}
      {outcome?.kind === 'requires_action' && (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconInfoCircle size={20} />}
          title={t('splits.pay.actionTitle')}
        >
          {t('splits.pay.action')}
        </Alert>
      )}
      {outcome?.kind === 'failed' && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={20} />}
          title={t('splits.pay.failedTitle')}
        >
          <Stack gap="xs">
            <Text size="sm">{errorMessage(outcome.error, t)}</Text>
            {outcome.error instanceof ApiError && outcome.error.code === 'payment_failed' && (
              <Text size="sm">{t('splits.pay.failedNext')}</Text>
            )}
            {outcome.error instanceof ApiError && <SupportInfo error={outcome.error} />}
          </Stack>
        </Alert>
      )}
      {!payable ? (
        outcome?.kind !== 'succeeded' && (
          <Text size="sm" c="dimmed">
            {invoice.status === 'paid' ? t('splits.pay.nothingOwed') : t('splits.pay.notPayable')}
          </Text>
        )
      ) : processing ? (
        <Text size="sm" c="dimmed">
          {t('splits.pay.waitProcessing')}
        </Text>
      ) : demo ? (
        <Stack gap="sm">
          <Select
            label={t('splits.pay.testCard')}
            description={t('splits.pay.testCardHelp')}
            data={TEST_CARDS.map((c) => ({ value: c.id, label: cardWords(c.key).label }))}
            renderOption={({ option }) => {
              const words = cardWords(TEST_CARDS.find((c) => c.id === option.value)!.key)
              return (
                <Stack gap={0}>
                  <Text size="sm">{words.label}</Text>
                  <Text size="xs" c="dimmed">
                    {words.description}
                  </Text>
                </Stack>
              )
            }}
            value={card}
            onChange={setCard}
            allowDeselect={false}
            leftSection={<IconCreditCard size={16} />}
            maw={420}
          />
          {card && (
            <Text size="xs" c="dimmed" aria-live="polite">
              {cardWords(TEST_CARDS.find((c) => c.id === card)!.key).description}
            </Text>
          )}
          <Group>
            <Button
              leftSection={<IconCreditCard size={16} />}
              onClick={submit}
              loading={pay.isPending}
              disabled={!card}
            >
              {t('splits.pay.submit', { amount: owed })}
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            {t('splits.pay.demoNote')}
          </Text>
        </Stack>
      ) : (
        <Alert variant="light" icon={<IconInfoCircle size={18} />}>
          {t('splits.pay.noCardForm', { number: invoice.number ?? '' })}
        </Alert>
      )}
    </Stack>
  )
}
