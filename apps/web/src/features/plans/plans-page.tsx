import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import {
  IconAlertTriangle,
  IconCalendarEvent,
  IconCheck,
  IconCreditCard,
  IconDiscount,
  IconRosetteDiscountCheck,
} from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../api/client'
import { usePageTitle } from '../../app/use-page-title'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { QueryError } from '../../components/query-error'
import { SectionCard } from '../../components/section-card'
import { formatDate } from '../../lib/format'
import { formatMoneyValue } from '../../lib/money'
import { useDemoPersonas } from '../auth/auth-api'
import { Amount } from '../billing/amount'
import {
  type Interval,
  type MySubscription,
  type Plan,
  useCancelPlan,
  useCancelScheduledChange,
  useChangePlan,
  useMySubscription,
  usePlans,
  useSaveCard,
  useSubscribe,
} from './plans-api'

/**
 * A recruiter's plan and its billing: the dunning banner when a payment failed, the plan held now,
 * the three plans side by side (monthly or yearly) with what each gives and the button that moves
 * there, a promo code, the card the plan is billed to, the plan's invoices and the plan history.
 * Entitlements (the fee rate, the messaging allowance, early access) are enforced by the server.
 */
const RANK = { starter: 0, pro: 1, partner: 2 } as const
/** A change that waits for the end of the paid period (the server's rule): a lower tier, or yearly → monthly. */
const waitsForPeriodEnd = (
  from: { tier: 'pro' | 'partner'; interval: Interval },
  to: { tier: 'pro' | 'partner'; interval: Interval },
) =>
  RANK[to.tier] !== RANK[from.tier]
    ? RANK[to.tier] < RANK[from.tier]
    : from.interval === 'year' && to.interval === 'month'
/** Stripe's test cards the demo's local Stripe test server knows (Stripe Elements stands here in production). */
const TEST_CARDS = [
  'pm_card_visa',
  'pm_card_mastercard',
  'pm_card_chargeDeclined',
  'pm_card_chargeCustomerFail',
] as const

export function PlansPage() {
  const { t, i18n } = useTranslation()
  usePageTitle(t('plans.title'))
  const plans = usePlans()
  const mine = useMySubscription()
  const [interval, setInterval] = useState<Interval>('month')
  const [promo, setPromo] = useState('')
  const subscribe = useSubscribe()
  const change = useChangePlan()
  const cancel = useCancelPlan()
  const keep = useCancelScheduledChange()
  const busy = subscribe.isPending || change.isPending || cancel.isPending || keep.isPending
  const lastError = subscribe.error ?? change.error ?? cancel.error ?? keep.error

  if (plans.isPending || mine.isPending) return <LoadingState />
  if (plans.isError)
    return <QueryError error={plans.error} signInTitle={t('plans.title')} onRetry={() => plans.refetch()} />
  if (mine.isError)
    return <QueryError error={mine.error} signInTitle={t('plans.title')} onRetry={() => mine.refetch()} />
  const me = mine.data
  const sub = me.subscription
  const lang = i18n.language

  const done = (title: string) => notifications.show({ color: 'teal', title, message: t('plans.done.body') })

  const choose = (plan: Plan) => {
    if (plan.tier === 'starter') {
      modals.openConfirmModal({
        title: t('plans.cancel.title'),
        children: (
          <Text size="sm">
            {t('plans.cancel.body', {
              date: sub?.current_period_end ? formatDate(sub.current_period_end, lang) : '',
            })}
          </Text>
        ),
        labels: { confirm: t('plans.cancel.confirm'), cancel: t('plans.cancel.keep') },
        confirmProps: { color: 'red' },
        onConfirm: () => cancel.mutate(undefined, { onSuccess: () => done(t('plans.done.canceled')) }),
      })
      return
    }
    const tier = plan.tier as 'pro' | 'partner'
    if (!sub) {
      subscribe.mutate(
        { tier, interval, ...(promo.trim() ? { promo_code: promo.trim() } : {}) },
        { onSuccess: () => done(t('plans.done.subscribed', { plan: plan.name })) },
      )
    } else if (waitsForPeriodEnd({ tier: sub.tier, interval: sub.interval }, { tier, interval })) {
      const date = sub.current_period_end ? formatDate(sub.current_period_end, lang) : ''
      const words = {
        plan: plan.name,
        current: me.plan_name,
        date,
        interval: t(`plans.scheduled.${interval}`),
        price: formatMoneyValue(plan.prices[interval], lang),
      }
      modals.openConfirmModal({
        title: t('plans.scheduled.confirmTitle', words),
        children: <Text size="sm">{t('plans.scheduled.confirmBody', words)}</Text>,
        labels: { confirm: t('plans.scheduled.confirm'), cancel: t('plans.scheduled.back') },
        onConfirm: () =>
          change.mutate(
            { tier, interval },
            {
              onSuccess: () =>
                notifications.show({
                  color: 'teal',
                  title: t('plans.scheduled.done', { date }),
                  message: '',
                }),
            },
          ),
      })
    } else {
      change.mutate(
        { tier, interval },
        { onSuccess: () => done(t('plans.done.changed', { plan: plan.name })) },
      )
    }
  }

  return (
    <Stack gap="lg">
      <PageHeader title={t('plans.title')} description={t('plans.description')} />
      {me.payment_pending && <DunningBanner me={me} />}
      {lastError != null && <ErrorAlert error={lastError} title={t('plans.errorTitle')} />}
      <CurrentPlan
        me={me}
        onResume={() => change.mutate({ cancel_at_period_end: false })}
        onKeep={() =>
          keep.mutate(undefined, {
            onSuccess: () =>
              notifications.show({ color: 'teal', title: t('plans.scheduled.calledOff'), message: '' }),
          })
        }
        busy={busy}
      />

      <SectionCard
        title={t('plans.compare')}
        actions={
          <SegmentedControl
            value={interval}
            onChange={(v) => setInterval(v as Interval)}
            data={[
              { value: 'month', label: t('plans.monthly') },
              { value: 'year', label: t('plans.yearly') },
            ]}
            aria-label={t('plans.billingInterval')}
          />
        }
      >
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
          {(plans.data?.data ?? []).map((plan) => (
            <PlanCard
              key={plan.tier}
              plan={plan}
              me={me}
              interval={interval}
              busy={busy}
              onChoose={() => choose(plan)}
            />
          ))}
        </SimpleGrid>
        {!sub && (
          <TextInput
            mt="md"
            maw={320}
            label={t('plans.promo.label')}
            description={t('plans.promo.help')}
            placeholder="WELCOME20"
            leftSection={<IconDiscount size={16} />}
            value={promo}
            onChange={(e) => setPromo(e.currentTarget.value)}
          />
        )}
      </SectionCard>

      <CardSection me={me} />
      <InvoicesSection me={me} />
      <HistorySection me={me} />
    </Stack>
  )
}

function DunningBanner({ me }: { me: MySubscription }) {
  const { t, i18n } = useTranslation()
  const p = me.payment_pending!
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={20} />}
      title={t('plans.dunning.title')}
    >
      <Stack gap={4}>
        <Text size="sm">
          {t('plans.dunning.body', { count: p.attempt_count })} <Amount value={p.amount_due} span fw={600} />
        </Text>
        {p.last_payment_error && (
          <Text size="sm" c="dimmed">
            {p.last_payment_error}
          </Text>
        )}
        <Text size="sm">
          {p.next_payment_attempt
            ? t('plans.dunning.next', { date: formatDate(p.next_payment_attempt, i18n.language) })
            : t('plans.dunning.last')}
        </Text>
        <Text size="sm">{t('plans.dunning.paused')}</Text>
      </Stack>
    </Alert>
  )
}

function CurrentPlan({
  me,
  onResume,
  onKeep,
  busy,
}: {
  me: MySubscription
  onResume: () => void
  onKeep: () => void
  busy: boolean
}) {
  const { t, i18n } = useTranslation()
  const sub = me.subscription
  const keep = 100 - me.entitlements.platform_take_bps / 100
  return (
    <SectionCard title={t('plans.current.title')}>
      <Stack gap="xs">
        <Group gap="sm">
          <Title order={3} fz="xl" data-testid="current-plan">
            {me.plan_name}
          </Title>
          {sub && <Badge color={statusColor(sub.status)}>{t(`plans.status.${sub.status}`)}</Badge>}
          {sub && (
            <Badge variant="light">
              {t(sub.interval === 'year' ? 'plans.billedYearly' : 'plans.billedMonthly')}
            </Badge>
          )}
        </Group>
        <Text size="sm">
          {t('plans.current.rate', { keep, take: me.entitlements.platform_take_bps / 100 })}
        </Text>
        <Text size="sm" c="dimmed">
          {me.entitlements.message_initiations_per_month === null
            ? t('plans.current.messagesUnlimited', { used: me.usage.message_initiations })
            : t('plans.current.messages', {
                used: me.usage.message_initiations,
                limit: me.entitlements.message_initiations_per_month,
              })}
        </Text>
        {sub?.status === 'trialing' && sub.trial_end && (
          <Text size="sm">
            {t('plans.current.trial', { date: formatDate(sub.trial_end, i18n.language) })}
          </Text>
        )}
        {sub?.scheduled_change && (
          <Alert
            variant="light"
            color="blue"
            icon={<IconCalendarEvent size={18} />}
            data-testid="scheduled-change"
          >
            <Group justify="space-between" gap="sm">
              <Stack gap={2}>
                <Text size="sm" fw={600}>
                  {t('plans.scheduled.title', {
                    plan: t(`plans.tiers.${sub.scheduled_change.tier}`),
                    interval: t(`plans.scheduled.${sub.scheduled_change.interval}`),
                    date: formatDate(sub.scheduled_change.at, i18n.language),
                  })}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('plans.scheduled.body', { current: me.plan_name })}{' '}
                  <Amount value={sub.scheduled_change.price} span />{' '}
                  {t(sub.scheduled_change.interval === 'year' ? 'plans.perYear' : 'plans.perMonth')}
                </Text>
              </Stack>
              <Button size="xs" variant="light" onClick={onKeep} loading={busy}>
                {t('plans.scheduled.keep', { current: me.plan_name })}
              </Button>
            </Group>
          </Alert>
        )}
        {sub?.current_period_end &&
          !sub.cancel_at_period_end &&
          !sub.scheduled_change &&
          sub.status === 'active' && (
            <Text size="sm" c="dimmed">
              {t('plans.current.renews', { date: formatDate(sub.current_period_end, i18n.language) })}{' '}
              <Amount value={sub.price} span />
            </Text>
          )}
        {sub?.cancel_at_period_end && (
          <Alert variant="light" color="yellow">
            <Group justify="space-between" gap="sm">
              <Text size="sm">
                {t('plans.current.ends', {
                  date: sub.current_period_end ? formatDate(sub.current_period_end, i18n.language) : '',
                })}
              </Text>
              <Button size="xs" variant="light" onClick={onResume} loading={busy}>
                {t('plans.current.resume')}
              </Button>
            </Group>
          </Alert>
        )}
      </Stack>
    </SectionCard>
  )
}

const BRANDS: Record<string, string> = { visa: 'Visa', mastercard: 'Mastercard', amex: 'American Express' }
const brandName = (brand: string) => BRANDS[brand] ?? brand

function statusColor(status: string) {
  return status === 'active'
    ? 'teal'
    : status === 'trialing'
      ? 'blue'
      : status === 'past_due'
        ? 'red'
        : 'gray'
}

function PlanCard({
  plan,
  me,
  interval,
  busy,
  onChoose,
}: {
  plan: Plan
  me: MySubscription
  interval: Interval
  busy: boolean
  onChoose: () => void
}) {
  const { t, i18n } = useTranslation()
  const sub = me.subscription
  const current = plan.tier === me.tier && (plan.tier === 'starter' || sub?.interval === interval)
  const price = plan.prices[interval]
  const keep = 100 - plan.entitlements.platform_take_bps / 100
  const scheduled = sub?.scheduled_change
  const isScheduledTarget = scheduled?.tier === plan.tier && scheduled.interval === interval
  let label: string
  if (current) label = t('plans.action.current')
  else if (isScheduledTarget && scheduled)
    label = t('plans.scheduled.action', { date: formatDate(scheduled.at, i18n.language) })
  else if (plan.tier === 'starter')
    label = sub?.cancel_at_period_end ? t('plans.action.ending') : t('plans.action.downgrade')
  else if (!sub && plan.trial_days > 0 && me.history.length === 0)
    label = t('plans.action.trial', { days: plan.trial_days })
  else if (plan.tier === me.tier)
    label = t(interval === 'year' ? 'plans.action.toYearly' : 'plans.action.toMonthly')
  else if (RANK[plan.tier] > RANK[me.tier]) label = t('plans.action.upgrade', { plan: plan.name })
  else label = t('plans.action.downgradeTo', { plan: plan.name })
  const needsCard = plan.tier !== 'starter' && !sub && !me.card
  const paused = me.payment_pending !== null
  const lower = RANK[plan.tier] < RANK[me.tier]
  const disabled =
    current ||
    isScheduledTarget ||
    busy ||
    needsCard ||
    paused ||
    (plan.tier === 'starter' && (!sub || sub.cancel_at_period_end))
  return (
    <Card withBorder padding="lg" radius="md" data-testid={`plan-${plan.tier}`}>
      <Stack gap="sm" h="100%">
        <Group justify="space-between" gap="xs">
          <Title order={3} fz="lg">
            {plan.name}
          </Title>
          {current && (
            <Badge color="teal" leftSection={<IconCheck size={12} />}>
              {t('plans.yours')}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {plan.tagline}
        </Text>
        <Group gap={4} align="baseline">
          {price.amount === '0' ? (
            <Text fz={28} fw={700}>
              {t('plans.free')}
            </Text>
          ) : (
            <>
              <Amount value={price} span fz={28} fw={700} />
              <Text size="sm" c="dimmed">
                {t(interval === 'year' ? 'plans.perYear' : 'plans.perMonth')}
              </Text>
            </>
          )}
        </Group>
        <Text size="sm" fw={600}>
          {t('plans.keep', { keep })}
        </Text>
        <List size="sm" spacing={4} icon={<IconRosetteDiscountCheck size={16} />}>
          {plan.features.map((f) => (
            <List.Item key={f}>{f}</List.Item>
          ))}
        </List>
        <Button
          mt="auto"
          onClick={onChoose}
          disabled={disabled}
          variant={current ? 'light' : lower ? 'default' : 'filled'}
        >
          {label}
        </Button>
        {needsCard && (
          <Text size="xs" c="dimmed">
            {t('plans.needsCard')}
          </Text>
        )}
      </Stack>
    </Card>
  )
}

function CardSection({ me }: { me: MySubscription }) {
  const { t } = useTranslation()
  const demo = (useDemoPersonas().data ?? []).length > 0
  const save = useSaveCard()
  const [card, setCard] = useState<string | null>('pm_card_visa')
  return (
    <SectionCard title={t('plans.card.title')}>
      <Stack gap="sm">
        <Text size="sm" data-testid="saved-card">
          {me.card
            ? t('plans.card.saved', { brand: brandName(me.card.brand), last4: me.card.last4 })
            : t('plans.card.none')}
        </Text>
        {save.isError && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
            {errorMessage(save.error, t)}
          </Alert>
        )}
        {demo ? (
          <Group align="flex-end" gap="sm">
            <Select
              label={t('plans.card.testCard')}
              description={t('plans.card.testCardHelp')}
              data={TEST_CARDS.map((id) => ({ value: id, label: t(`plans.card.cards.${id}`) }))}
              value={card}
              onChange={setCard}
              allowDeselect={false}
              leftSection={<IconCreditCard size={16} />}
              w={{ base: '100%', sm: 360 }}
            />
            <Button
              leftSection={<IconCreditCard size={16} />}
              loading={save.isPending}
              disabled={!card}
              onClick={() =>
                card &&
                save.mutate(card, {
                  onSuccess: (r) =>
                    notifications.show({
                      color: 'teal',
                      title: t('plans.card.savedTitle'),
                      message: r.pending_payment_paid ? t('plans.card.recovered') : t('plans.card.savedBody'),
                    }),
                })
              }
            >
              {me.card ? t('plans.card.replace') : t('plans.card.save')}
            </Button>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('plans.card.noForm')}
          </Text>
        )}
      </Stack>
    </SectionCard>
  )
}

function InvoicesSection({ me }: { me: MySubscription }) {
  const { t, i18n } = useTranslation()
  if (me.invoices.length === 0) return null
  return (
    <SectionCard title={t('plans.invoices.title')}>
      <Table.ScrollContainer minWidth={520}>
        <Table verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('plans.invoices.number')}</Table.Th>
              <Table.Th>{t('plans.invoices.date')}</Table.Th>
              <Table.Th>{t('plans.invoices.period')}</Table.Th>
              <Table.Th ta="end">{t('plans.invoices.total')}</Table.Th>
              <Table.Th>{t('plans.invoices.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {me.invoices.map((inv) => (
              <Table.Tr key={inv.id}>
                <Table.Td>{inv.number ?? '—'}</Table.Td>
                <Table.Td>{formatDate(inv.created_at, i18n.language)}</Table.Td>
                <Table.Td>
                  {inv.period_start && inv.period_end
                    ? `${formatDate(inv.period_start, i18n.language)} – ${formatDate(inv.period_end, i18n.language)}`
                    : '—'}
                </Table.Td>
                <Table.Td ta="end">
                  <Amount value={inv.total} />
                </Table.Td>
                <Table.Td>
                  <Badge
                    color={inv.status === 'paid' ? 'teal' : inv.status === 'open' ? 'red' : 'gray'}
                    variant="light"
                  >
                    {t(`plans.invoices.statuses.${inv.status}`)}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </SectionCard>
  )
}

function HistorySection({ me }: { me: MySubscription }) {
  const { t, i18n } = useTranslation()
  if (me.history.length === 0) return null
  return (
    <SectionCard title={t('plans.history.title')}>
      <Text size="sm" c="dimmed" mb="sm">
        {t('plans.history.help')}
      </Text>
      <List size="sm" spacing={4}>
        {me.history.map((h) => (
          <List.Item key={`${h.tier}-${h.from}`}>
            {t('plans.history.item', {
              plan: t(`plans.tiers.${h.tier}`),
              from: formatDate(h.from, i18n.language),
              to: h.to ? formatDate(h.to, i18n.language) : t('plans.history.now'),
            })}
          </List.Item>
        ))}
      </List>
    </SectionCard>
  )
}
