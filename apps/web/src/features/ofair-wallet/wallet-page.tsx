import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { usePageTitle } from '../../app/use-page-title'
import { EmptyState } from '../../components/empty-state'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { InvoicesLink } from '../ofair-invoices/invoices-link'
import { useMyProfessional } from '../ofair-leads/ofair-api'
import { formatShekels } from '../ofair-leads/ofair-format'
import { PaymentMethodCard, PayoutHistoryCard } from '../ofair-payment-method/payment-method-page'
import { type BalanceReport, useBalance, useWithdraw } from './wallet-api'

const dateFormat = new Intl.DateTimeFormat('he-IL', { dateStyle: 'short', timeZone: 'Asia/Jerusalem' })

/** The professional's wallet: what they are owed and owe (netted), pending funds, every entry, withdrawals. */
export function WalletPage() {
  const { t } = useTranslation()
  usePageTitle(t('ofair.wallet.title'))
  const me = useMyProfessional()
  const balance = useBalance(me.data?.id)
  if (me.isPending || (me.data && balance.isPending)) return <LoadingState />
  if (me.isError) return <ErrorAlert error={me.error} />
  if (balance.isError) return <ErrorAlert error={balance.error} onRetry={() => void balance.refetch()} />
  if (!balance.data) return <LoadingState />
  return (
    <>
      <PageHeader
        title={t('ofair.wallet.title')}
        description={t('ofair.wallet.description')}
        actions={<InvoicesLink />}
      />
      <WalletView report={balance.data} />
    </>
  )
}

function Stat({
  label,
  amount,
  testId,
  color,
}: {
  label: string
  amount: string
  testId: string
  color?: string
}) {
  return (
    <Card withBorder radius="md" padding="md" data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz={22} c={color} ta="right">
        {formatShekels(amount)}
      </Text>
    </Card>
  )
}

function WalletView({ report }: { report: BalanceReport }) {
  const { t } = useTranslation()
  const [amount, setAmount] = useState<number | string>('')
  const withdraw = useWithdraw(report.professional_id, () => Number(amount))
  const canWithdraw = BigInt(report.available.amount) > 0n
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Stat
          label={t('ofair.wallet.balance')}
          amount={report.balance.amount}
          testId="wallet-balance"
          color={BigInt(report.balance.amount) < 0n ? 'red' : undefined}
        />
        <Stat
          label={t('ofair.wallet.available')}
          amount={report.available.amount}
          testId="wallet-available"
        />
        <Stat label={t('ofair.wallet.pending')} amount={report.pending.amount} testId="wallet-pending" />
        <Stat label={t('ofair.wallet.owed')} amount={report.owed.amount} testId="wallet-owed" />
      </SimpleGrid>
      <Card withBorder radius="md" padding="md">
        <Stack gap="xs">
          <Title order={2} fz="lg">
            {t('ofair.wallet.withdrawTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {canWithdraw ? t('ofair.wallet.withdrawText') : t('ofair.wallet.nothingToWithdraw')}
          </Text>
          <Group align="flex-end">
            <NumberInput
              label={t('ofair.wallet.amount')}
              min={1}
              thousandSeparator=","
              suffix=" ₪"
              value={amount}
              onChange={setAmount}
              disabled={!canWithdraw}
            />
            <Button
              disabled={!canWithdraw || !(Number(amount) > 0)}
              loading={withdraw.isPending}
              onClick={() => withdraw.mutate(undefined, { onSuccess: () => setAmount('') })}
            >
              {t('ofair.wallet.withdraw')}
            </Button>
          </Group>
          {withdraw.isError && <ErrorAlert error={withdraw.error} />}
          {report.withdrawals.length > 0 && (
            <Table>
              <Table.Tbody>
                {report.withdrawals.map((w) => (
                  <Table.Tr key={w.id}>
                    <Table.Td>{dateFormat.format(new Date(w.created_at))}</Table.Td>
                    <Table.Td ta="right">{formatShekels(w.amount.amount)}</Table.Td>
                    <Table.Td>
                      <Badge
                        variant="light"
                        color={w.status === 'approved' ? 'teal' : w.status === 'rejected' ? 'gray' : 'orange'}
                      >
                        {t(
                          `ofair.wallet.withdrawalStatus.${w.status}` as 'ofair.wallet.withdrawalStatus.approved',
                        )}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Card>
      <Card withBorder radius="md" padding="md">
        <Title order={2} fz="lg" mb="xs">
          {t('ofair.wallet.entries')}
        </Title>
        {report.entries.length === 0 ? (
          <EmptyState title={t('ofair.wallet.noEntries')} />
        ) : (
          <Stack gap={0} data-testid="wallet-entries">
            {report.entries.map((e) => (
              <Group
                key={e.id}
                justify="space-between"
                align="flex-start"
                wrap="nowrap"
                py="xs"
                style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
              >
                <Stack gap={0}>
                  <Text size="sm" fw={500}>
                    {t(
                      `ofair.wallet.kind.${e.role === 'referrer' && e.kind === 'ofair.job_settled' ? 'referrer_fee' : e.kind}` as 'ofair.wallet.kind.ofair.job_settled',
                      {
                        defaultValue: e.kind,
                      },
                    )}
                  </Text>
                  {e.lead_id && (
                    <Anchor component={Link} to={`/ofair/leads/${e.lead_id}`} size="xs">
                      {e.lead_title}
                      {e.role
                        ? ` · ${t(`ofair.wallet.role.${e.role}` as 'ofair.wallet.role.performer')}`
                        : ''}
                    </Anchor>
                  )}
                  <Text size="xs" c="dimmed">
                    {dateFormat.format(new Date(e.effective_at))} ·{' '}
                    {t(`ofair.wallet.accounts.${e.account}` as 'ofair.wallet.accounts.pro_balance')}
                  </Text>
                </Stack>
                <Stack gap={0} align="flex-end">
                  <Text fw={700} c={e.amount.amount.startsWith('-') ? 'red' : 'teal'}>
                    {formatShekels(e.amount.amount)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('ofair.wallet.after')} {formatShekels(e.balance_after.amount)}
                  </Text>
                </Stack>
              </Group>
            ))}
          </Stack>
        )}
      </Card>
      {/* how what is owed gets paid (the saved card) and how credit reaches the bank */}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <PaymentMethodCard />
        <PayoutHistoryCard professionalId={report.professional_id} />
      </SimpleGrid>
    </Stack>
  )
}
