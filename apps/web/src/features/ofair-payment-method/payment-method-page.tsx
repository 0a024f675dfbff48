import {
  Alert,
  Badge,
  Button,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { usePageTitle } from '../../app/use-page-title'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { LtrText } from '../../components/ltr-text'
import { PageHeader } from '../../components/page-header'
import { SectionCard } from '../../components/section-card'
import { useMyProfessional } from '../ofair-leads/ofair-api'
import { formatShekels } from '../ofair-leads/ofair-format'
import {
  completeCardSetup,
  removeCard,
  savePreference,
  setAutopay,
  startCardSetup,
  usePayChange,
  usePaymentMethods,
  usePayoutPreference,
  usePayouts,
} from './payment-api'

const BRAND: Record<string, string> = { visa: 'ויזה', mastercard: 'מאסטרקארד', amex: 'אמריקן אקספרס' }

/**
 * The professional's saved card: added on the payment provider's hosted page (the card number
 * never reaches OFAIR), shown by brand and last 4 digits, with the autopay switch. Self-contained:
 * the wallet page may show it as is.
 */
export function PaymentMethodCard() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const methods = usePaymentMethods()
  const start = usePayChange(startCardSetup)
  const complete = usePayChange(completeCardSetup)
  const autopay = usePayChange(setAutopay)
  const remove = usePayChange(removeCard)
  const returned = params.get('setup')
  const failed = params.get('failed')
  const asked = useRef<string | null>(null)
  // back from the hosted page: ask the provider for the result (the webhook may have saved it already)
  useEffect(() => {
    if (!returned || failed || asked.current === returned) return
    asked.current = returned
    complete.mutate(returned)
  }, [returned, failed, complete])
  const card = methods.data?.data[0]
  return (
    <SectionCard
      title={t('ofairPay.method.title')}
      actions={
        <Button
          size="sm"
          loading={start.isPending}
          onClick={() =>
            start.mutate(undefined, {
              onSuccess: (page) => window.location.assign(page.url),
            })
          }
        >
          {card ? t('ofairPay.method.replace') : t('ofairPay.method.add')}
        </Button>
      }
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('ofairPay.method.description')}
        </Text>
        {complete.isSuccess && card && (
          <Alert color="green" onClose={() => setParams({})} withCloseButton>
            {t('ofairPay.method.saved')}
          </Alert>
        )}
        {failed && <Alert color="red">{t('ofairPay.method.failed')}</Alert>}
        {[start, complete, autopay, remove].map((m, i) =>
          m.isError ? <ErrorAlert key={String(i)} error={m.error} /> : null,
        )}
        {methods.isPending ? (
          <LoadingState />
        ) : methods.isError ? (
          <ErrorAlert error={methods.error} />
        ) : !card ? (
          <Text>{t('ofairPay.method.none')}</Text>
        ) : (
          <Stack gap="xs" data-testid="saved-card">
            <Group justify="space-between" wrap="nowrap">
              <Text fw={600}>
                {t('ofairPay.method.card', { brand: BRAND[card.brand] ?? card.brand })}{' '}
                <bdi dir="ltr">•••• {card.last4}</bdi>
              </Text>
              <LtrText size="sm" c="dimmed">
                {String(card.exp_month).padStart(2, '0')}/{String(card.exp_year).slice(-2)}
              </LtrText>
            </Group>
            <Group justify="space-between">
              <Switch
                label={t('ofairPay.method.autopay')}
                checked={card.autopay}
                disabled={autopay.isPending}
                onChange={(e) => autopay.mutate({ id: card.id, autopay: e.currentTarget.checked })}
              />
              <Button
                size="xs"
                variant="subtle"
                color="red"
                loading={remove.isPending}
                onClick={() => remove.mutate(card.id)}
              >
                {t('ofairPay.method.remove')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </SectionCard>
  )
}

/** Bank transfer (with minimal bank details, shown masked) or a credit to the next invoice. */
export function PayoutPreferenceCard() {
  const { t } = useTranslation()
  const pref = usePayoutPreference()
  const save = usePayChange(savePreference)
  const [method, setMethod] = useState<'bank_transfer' | 'invoice_credit' | null>(null)
  const [bank, setBank] = useState({ bank_code: '', branch_code: '', account_number: '' })
  const current = method ?? pref.data?.method ?? 'bank_transfer'
  const typed = bank.bank_code || bank.branch_code || bank.account_number
  return (
    <SectionCard title={t('ofairPay.preference.title')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('ofairPay.preference.description')}
        </Text>
        {pref.isError && <ErrorAlert error={pref.error} />}
        {save.isError && <ErrorAlert error={save.error} />}
        {save.isSuccess && <Alert color="green">{t('ofairPay.preference.saved')}</Alert>}
        <SegmentedControl
          value={current}
          onChange={(v) => setMethod(v as 'bank_transfer' | 'invoice_credit')}
          data={[
            { value: 'bank_transfer', label: t('ofairPay.preference.bank_transfer') },
            { value: 'invoice_credit', label: t('ofairPay.preference.invoice_credit') },
          ]}
        />
        {pref.data?.bank && (
          <Text size="sm">
            {t('ofairPay.preference.stored', {
              bank: pref.data.bank.bank_code,
              branch: pref.data.bank.branch_code,
            })}
            <bdi dir="ltr">{pref.data.bank.account_masked}</bdi>
          </Text>
        )}
        {current === 'bank_transfer' && (
          <SimpleGrid cols={{ base: 3 }} spacing="xs">
            <TextInput
              label={t('ofairPay.preference.bankCode')}
              inputMode="numeric"
              dir="ltr"
              maxLength={3}
              value={bank.bank_code}
              onChange={(e) => setBank({ ...bank, bank_code: e.currentTarget.value })}
            />
            <TextInput
              label={t('ofairPay.preference.branchCode')}
              inputMode="numeric"
              dir="ltr"
              maxLength={3}
              value={bank.branch_code}
              onChange={(e) => setBank({ ...bank, branch_code: e.currentTarget.value })}
            />
            <TextInput
              label={t('ofairPay.preference.account')}
              inputMode="numeric"
              dir="ltr"
              maxLength={13}
              value={bank.account_number}
              onChange={(e) => setBank({ ...bank, account_number: e.currentTarget.value })}
            />
          </SimpleGrid>
        )}
        <Group justify="flex-end">
          <Button
            loading={save.isPending}
            onClick={() =>
              save.mutate(
                { method: current, ...(current === 'bank_transfer' && typed ? { bank } : {}) },
                { onSuccess: () => setBank({ bank_code: '', branch_code: '', account_number: '' }) },
              )
            }
          >
            {t('ofairPay.preference.save')}
          </Button>
        </Group>
      </Stack>
    </SectionCard>
  )
}

const PAYOUT_COLOR = { pending: 'blue', paid: 'green', failed: 'red' } as const

export function PayoutHistoryCard({ professionalId }: { professionalId: string | undefined }) {
  const { t } = useTranslation()
  const payouts = usePayouts(professionalId)
  const date = new Intl.DateTimeFormat('he-IL', { dateStyle: 'short', timeZone: 'Asia/Jerusalem' })
  return (
    <SectionCard title={t('ofairPay.payouts.title')}>
      {payouts.isPending ? (
        <LoadingState />
      ) : payouts.isError ? (
        <ErrorAlert error={payouts.error} />
      ) : payouts.data.data.length === 0 ? (
        <Text>{t('ofairPay.payouts.empty')}</Text>
      ) : (
        <Table>
          <Table.Tbody>
            {payouts.data.data.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{date.format(new Date(p.created_at))}</Table.Td>
                <Table.Td>{formatShekels(p.amount.amount)}</Table.Td>
                <Table.Td>
                  <bdi dir="ltr">{p.bank.account_masked}</bdi>
                </Table.Td>
                <Table.Td>
                  <Badge color={PAYOUT_COLOR[p.status]}>{t(`ofairPay.payouts.status.${p.status}`)}</Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </SectionCard>
  )
}

/** /ofair/payment-method: the professional's card, payout preference and payout history. */
export function PaymentMethodPage() {
  const { t } = useTranslation()
  usePageTitle(t('ofairPay.nav.paymentMethod'))
  const me = useMyProfessional()
  return (
    <>
      <PageHeader title={t('ofairPay.nav.paymentMethod')} />
      <Stack gap="md">
        <PaymentMethodCard />
        <PayoutPreferenceCard />
        <PayoutHistoryCard professionalId={me.data?.id} />
      </Stack>
    </>
  )
}
