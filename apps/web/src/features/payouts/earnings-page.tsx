import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  ThemeIcon,
} from '@mantine/core'
import {
  IconAlertTriangle,
  IconBuildingBank,
  IconCircleCheck,
  IconClockHour4,
  IconExternalLink,
  IconLock,
  IconPlaneDeparture,
  IconReceipt,
  IconWallet,
} from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { usePageTitle } from '../../app/use-page-title'
import { EmptyState } from '../../components/empty-state'
import { ErrorAlert } from '../../components/error-alert'
import { LoadMore } from '../../components/load-more'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { QueryError } from '../../components/query-error'
import { SectionCard } from '../../components/section-card'
import { formatDate, formatDateTime } from '../../lib/format'
import { Amount } from '../billing/amount'
import { PayoutStatusBadge } from './bits'
import {
  type ConnectAccount,
  type Earnings,
  useConnectAccount,
  useEarnings,
  usePayouts,
  useStartOnboarding,
} from './payouts-api'
import { EarningsChart } from './payouts-charts'
import { disabledReasonKey, requirementItems } from './stripe-requirements'

/**
 * A recruiter's money: what companies still owe for them, what is held until guarantees end (with
 * the dates), available for the next run, on its way, paid, and owed back; their Stripe payout
 * account and what to do about it; earnings by month; their payouts, each placement's statement.
 */
export function EarningsPage() {
  const { t } = useTranslation()
  usePageTitle(t('payouts.earnings.title'))
  const [params, setParams] = useSearchParams()
  const back = params.get('onboarding')
  const earnings = useEarnings()
  // back from Stripe's onboarding: read the account from Stripe now
  const account = useConnectAccount(back === 'return')
  const e = earnings.data
  const currencies = e?.balances.map((b) => b.currency) ?? []
  const chosen = params.get('currency')
  const currency =
    chosen && currencies.includes(chosen)
      ? chosen
      : currencies.includes('USD')
        ? 'USD'
        : (currencies[0] ?? 'USD')
  return (
    <>
      <PageHeader
        title={t('payouts.earnings.title')}
        description={t('payouts.earnings.description')}
        actions={
          currencies.length > 1 ? (
            <SegmentedControl
              aria-label={t('payouts.earnings.currency')}
              data={currencies}
              value={currency}
              onChange={(c) => setParams({ currency: c }, { replace: true })}
            />
          ) : undefined
        }
      />
      {earnings.isPending && <LoadingState />}
      {earnings.isError && (
        <QueryError
          error={earnings.error}
          signInTitle={t('payouts.earnings.signIn')}
          onRetry={() => earnings.refetch()}
        />
      )}
      {e && (
        <Stack gap="xl">
          <PayoutAccountCard account={account.data ?? e.payout_account} back={back} />
          <Balances earnings={e} currency={currency} />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
            <HeldReleases earnings={e} currency={currency} />
            <SectionCard title={t('payouts.earnings.chart.title')}>
              <EarningsChart currency={currency} months={e.by_month} />
            </SectionCard>
          </SimpleGrid>
          <MyPayouts />
        </Stack>
      )}
    </>
  )
}

function PayoutAccountCard({ account, back }: { account: ConnectAccount; back: string | null }) {
  const { t, i18n } = useTranslation()
  const onboard = useStartOnboarding()
  const r = account.readiness
  if (account.payout_method === 'manual_bank')
    return (
      <Alert
        color="blue"
        variant="light"
        icon={<IconBuildingBank size={20} />}
        title={t('payouts.connect.manualTitle')}
      >
        {t('payouts.connect.manualBody')}
      </Alert>
    )
  const due = [...account.requirements.past_due, ...account.requirements.currently_due]
  const action = r.next_step.action
  return (
    <Paper withBorder p="lg" component="section" aria-label={t('payouts.connect.title')}>
      <Group justify="space-between" align="flex-start" gap="md">
        <Group align="flex-start" gap="md" wrap="nowrap" style={{ flex: 1, minWidth: 260 }}>
          <ThemeIcon size={40} radius="xl" variant="light" color={r.can_receive_payouts ? 'teal' : 'orange'}>
            {r.can_receive_payouts ? <IconCircleCheck size={22} /> : <IconAlertTriangle size={22} />}
          </ThemeIcon>
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Group gap="xs">
              <Text fw={600}>{t('payouts.connect.title')}</Text>
              <Badge color={r.can_receive_payouts ? 'teal' : 'orange'} variant="light">
                {t(`payouts.connect.code.${r.code}`)}
              </Badge>
            </Group>
            <Text size="sm">{r.message}</Text>
            {account.account_id && (
              <Text size="xs" c="dimmed">
                {t('payouts.connect.account')} <span dir="ltr">{account.account_id}</span> ·{' '}
                {t('payouts.connect.payouts', {
                  state: account.payouts_enabled
                    ? t('payouts.connect.enabled')
                    : t('payouts.connect.disabled'),
                })}{' '}
                ·{' '}
                {t('payouts.connect.transfers', {
                  state: t(`payouts.connect.capability.${account.transfers_capability}`),
                })}
              </Text>
            )}
            {due.length > 0 && (
              <div>
                <Text size="xs" c="dimmed">
                  {t('payouts.connect.dueList')}{' '}
                  {account.requirements.current_deadline &&
                    t('payouts.connect.deadline', {
                      date: formatDateTime(account.requirements.current_deadline, i18n.language),
                    })}
                </Text>
                <List size="xs" c="dimmed" aria-label={t('payouts.connect.dueList')}>
                  {requirementItems(due).map((item) => (
                    <List.Item key={item.key === 'other' ? item.field : item.key}>
                      {t(`payouts.connect.requirement.${item.key}` as 'payouts.connect.requirement.other', {
                        field: item.field,
                      })}
                    </List.Item>
                  ))}
                </List>
              </div>
            )}
            {account.disabled_reason && (
              <Text size="xs" c="dimmed">
                {t(
                  `payouts.connect.disabledReasons.${disabledReasonKey(account.disabled_reason)}` as 'payouts.connect.disabledReasons.other',
                  { reason: account.disabled_reason },
                )}
              </Text>
            )}
            {back === 'refresh' && !r.can_receive_payouts && (
              <Text size="sm" c="orange">
                {t('payouts.connect.linkExpired')}
              </Text>
            )}
          </Stack>
        </Group>
        {(action === 'start_onboarding' || action === 'continue_onboarding') && (
          <Button
            rightSection={<IconExternalLink size={16} />}
            loading={onboard.isPending}
            onClick={() => onboard.mutate()}
          >
            {action === 'start_onboarding' ? t('payouts.connect.start') : t('payouts.connect.continue')}
          </Button>
        )}
      </Group>
      {onboard.isError && (
        <Stack mt="md">
          <ErrorAlert error={onboard.error} />
        </Stack>
      )}
    </Paper>
  )
}

function Balances({ earnings, currency }: { earnings: Earnings; currency: string }) {
  const { t } = useTranslation()
  if (earnings.balances.length === 0)
    return (
      <EmptyState icon={<IconWallet size={28} stroke={1.5} />} title={t('payouts.earnings.nothingYet')} />
    )
  const cards = [
    { key: 'pending', icon: <IconReceipt size={16} />, color: 'gray' },
    { key: 'held', icon: <IconLock size={16} />, color: 'blue' },
    { key: 'available', icon: <IconWallet size={16} />, color: 'cyan' },
    { key: 'in_flight', icon: <IconPlaneDeparture size={16} />, color: 'yellow' },
    { key: 'paid', icon: <IconCircleCheck size={16} />, color: 'teal' },
    { key: 'debt', icon: <IconAlertTriangle size={16} />, color: 'red' },
  ] as const
  return (
    <Stack gap="md">
      {earnings.balances
        .filter((b) => b.currency === currency)
        .map((b) => (
          <SimpleGrid key={b.currency} cols={{ base: 2, sm: 3, lg: 6 }} spacing="md">
            {cards.map((c) => (
              <Paper
                key={c.key}
                withBorder
                p="md"
                component="section"
                aria-label={t(`payouts.earnings.${c.key}`)}
              >
                <Stack gap={4}>
                  <Group gap={6} wrap="nowrap">
                    <ThemeIcon variant="light" color={c.color} size="sm" radius="xl">
                      {c.icon}
                    </ThemeIcon>
                    <Text size="sm" c="dimmed" fw={500}>
                      {t(`payouts.earnings.${c.key}`)}
                    </Text>
                  </Group>
                  <Amount value={b[c.key]} fz={22} fw={700} lh={1.2} />
                  <Text size="xs" c="dimmed">
                    {t(`payouts.earnings.${c.key}Help`)}
                  </Text>
                </Stack>
              </Paper>
            ))}
          </SimpleGrid>
        ))}
      {earnings.blocked_payouts.length > 0 && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle size={20} />}
          title={t('payouts.earnings.blocked', { count: earnings.blocked_payouts.length })}
        >
          <Stack gap="xs">
            {[...new Set(earnings.blocked_payouts.map((p) => p.reason))].map((reason) => (
              <Stack key={reason} gap={2}>
                <Text size="sm">{reason}</Text>
                <Group gap="xs">
                  {earnings.blocked_payouts
                    .filter((p) => p.reason === reason)
                    .map((p) => (
                      <Badge key={p.payout_id} variant="white" color="orange" size="lg" tt="none">
                        <Amount span value={p.amount} size="xs" fw={600} />
                      </Badge>
                    ))}
                </Group>
              </Stack>
            ))}
          </Stack>
        </Alert>
      )}
    </Stack>
  )
}

function HeldReleases({ earnings, currency }: { earnings: Earnings; currency: string }) {
  const { t, i18n } = useTranslation()
  // the holds of the currency chosen above, like the balances and the chart beside them
  const releases = earnings.held_releases.filter((h) => h.amount.currency === currency)
  return (
    <SectionCard title={t('payouts.earnings.releases.title')}>
      {releases.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('payouts.earnings.releases.empty')}
        </Text>
      ) : (
        <Table aria-label={t('payouts.earnings.releases.title')} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('payouts.earnings.releases.date')}</Table.Th>
              <Table.Th>{t('payouts.table.placement')}</Table.Th>
              <Table.Th ta="end">{t('payouts.table.amount')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {releases.map((h) => (
              <Table.Tr key={h.escrow_hold_id}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <IconClockHour4 size={14} />
                    <Text size="sm">{formatDate(h.release_date, i18n.language)}</Text>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/splits/earnings/placements/${h.placement_id}`} size="sm">
                    {t('payouts.earnings.statement')}
                  </Anchor>
                </Table.Td>
                <Table.Td ta="end">
                  <Amount value={h.amount} fw={600} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </SectionCard>
  )
}

function MyPayouts() {
  const { t, i18n } = useTranslation()
  const list = usePayouts({})
  const rows = list.data?.pages.flatMap((p) => p.data) ?? []
  return (
    <SectionCard title={t('payouts.earnings.payouts.title')}>
      {list.isPending && <LoadingState />}
      {list.isError && <ErrorAlert error={list.error} onRetry={() => list.refetch()} />}
      {list.isSuccess && rows.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('payouts.earnings.payouts.empty')}
        </Text>
      )}
      {rows.length > 0 && (
        <Stack>
          <Table.ScrollContainer minWidth={560}>
            <Table aria-label={t('payouts.earnings.payouts.title')} verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('payouts.table.when')}</Table.Th>
                  <Table.Th>{t('payouts.table.placement')}</Table.Th>
                  <Table.Th>{t('payouts.table.status')}</Table.Th>
                  <Table.Th ta="end">{t('payouts.table.amount')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {formatDateTime(p.completed_at ?? p.failed_at ?? p.created_at, i18n.language)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/splits/earnings/placements/${p.placement_id}`} size="sm">
                        {t('payouts.earnings.statement')}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={2}>
                        <Group gap={6}>
                          <PayoutStatusBadge payout={p} />
                          {p.bank_payout_status && p.status === 'completed' && (
                            <Text size="xs" c="dimmed">
                              {t(`payouts.bank.${p.bank_payout_status}`)}
                            </Text>
                          )}
                        </Group>
                        {p.parked ? (
                          <Text size="xs" c="dimmed" maw={360}>
                            {p.parked.code === 'account'
                              ? t('payouts.earnings.parkedAccount')
                              : t('payouts.earnings.parkedAttention')}
                          </Text>
                        ) : (
                          p.failure_reason && (
                            <Text size="xs" c="dimmed" maw={360}>
                              {p.failure_reason}
                            </Text>
                          )
                        )}
                      </Stack>
                    </Table.Td>
                    <Table.Td ta="end">
                      <Amount value={p.amount} fw={600} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <LoadMore
            shown={t('payouts.admin.shown', { count: rows.length })}
            hasMore={list.hasNextPage}
            loading={list.isFetchingNextPage}
            onLoadMore={() => list.fetchNextPage()}
          />
        </Stack>
      )}
    </SectionCard>
  )
}
