import { Anchor, Badge, Button, Card, Group, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { usePageTitle } from '../../app/use-page-title'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { SectionCard } from '../../components/section-card'
import { formatShekels } from '../ofair-leads/ofair-format'
import {
  createBatch,
  decidePayout,
  resolveAlert,
  useCollectionAlerts,
  usePayChange,
  usePayoutBatches,
} from './payment-api'

const date = new Intl.DateTimeFormat('he-IL', { dateStyle: 'short', timeZone: 'Asia/Jerusalem' })
const PAYOUT_COLOR = { pending: 'blue', paid: 'green', failed: 'red' } as const

/** Debts that every retry failed to collect: the admin's queue. */
export function CollectionAlertsCard() {
  const { t } = useTranslation()
  const alerts = useCollectionAlerts()
  const resolve = usePayChange(resolveAlert)
  return (
    <SectionCard title={t('ofairPay.admin.alerts')}>
      {resolve.isError && <ErrorAlert error={resolve.error} />}
      {alerts.isPending ? (
        <LoadingState />
      ) : alerts.isError ? (
        <ErrorAlert error={alerts.error} />
      ) : alerts.data.data.length === 0 ? (
        <Text>{t('ofairPay.admin.alertsEmpty')}</Text>
      ) : (
        <Stack gap="xs">
          {alerts.data.data.map((a) => (
            <Card key={a.id} withBorder radius="md" data-testid="collection-alert">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={2}>
                  <Text fw={600}>{a.professional.display_name}</Text>
                  <Text size="sm">{t('ofairPay.admin.owed', { amount: formatShekels(a.owed.amount) })}</Text>
                  <Text size="xs" c="dimmed">
                    {t('ofairPay.admin.attempts', { count: a.attempts })} ·{' '}
                    {date.format(new Date(a.alerted_at))}
                  </Text>
                  {a.last_error && (
                    <Text size="xs" c="red" title={a.last_error}>
                      {a.last_error.startsWith('no_method')
                        ? t('ofairPay.admin.noMethod')
                        : t('ofairPay.admin.declined', { code: a.last_error.split(' ')[0] })}
                    </Text>
                  )}
                </Stack>
                <Button size="xs" variant="default" onClick={() => resolve.mutate(a.id)}>
                  {t('ofairPay.admin.resolve')}
                </Button>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
    </SectionCard>
  )
}

/** Bank-transfer batches: create the batch of what is due, download it for the bank, mark each. */
export function PayoutBatchesCard() {
  const { t } = useTranslation()
  const batches = usePayoutBatches()
  const create = usePayChange(createBatch)
  const decide = usePayChange(decidePayout)
  return (
    <SectionCard
      title={t('ofairPay.admin.batches')}
      actions={
        <Button size="sm" loading={create.isPending} onClick={() => create.mutate(undefined)}>
          {t('ofairPay.admin.createBatch')}
        </Button>
      }
    >
      <Stack gap="sm">
        {create.isError && <ErrorAlert error={create.error} />}
        {decide.isError && <ErrorAlert error={decide.error} />}
        {batches.isPending ? (
          <LoadingState />
        ) : batches.isError ? (
          <ErrorAlert error={batches.error} />
        ) : batches.data.data.length === 0 ? (
          <Text>{t('ofairPay.admin.batchesEmpty')}</Text>
        ) : (
          batches.data.data.map((b) => (
            <Card key={b.id} withBorder radius="md" data-testid="payout-batch">
              <Stack gap="xs">
                <Group justify="space-between">
                  <Text fw={600}>
                    {t('ofairPay.admin.batchTitle', {
                      date: date.format(new Date(b.created_at)),
                      count: b.item_count,
                      total: formatShekels(b.total.amount),
                    })}
                  </Text>
                  <Badge color={b.status === 'open' ? 'blue' : 'gray'}>
                    {t(`ofairPay.admin.batchStatus.${b.status as 'open' | 'closed'}`)}
                  </Badge>
                </Group>
                <Anchor href={`/api/ofair/admin/payout-batches/${b.id}/csv`} download size="sm">
                  {t('ofairPay.admin.csv')}
                </Anchor>
                <Table.ScrollContainer minWidth={360}>
                  <Table>
                    <Table.Tbody>
                      {b.items.map((p) => (
                        <Table.Tr key={p.id}>
                          <Table.Td>{p.professional.display_name}</Table.Td>
                          <Table.Td>{formatShekels(p.amount.amount)}</Table.Td>
                          <Table.Td>
                            <bdi dir="ltr">
                              {p.bank.bank_code}-{p.bank.branch_code}-{p.bank.account_masked}
                            </bdi>
                          </Table.Td>
                          <Table.Td>
                            {p.status === 'pending' ? (
                              <Group gap={4} wrap="nowrap">
                                <Button
                                  size="compact-xs"
                                  color="green"
                                  onClick={() => decide.mutate({ id: p.id, status: 'paid' })}
                                >
                                  {t('ofairPay.admin.markPaid')}
                                </Button>
                                <Button
                                  size="compact-xs"
                                  variant="default"
                                  onClick={() => decide.mutate({ id: p.id, status: 'failed' })}
                                >
                                  {t('ofairPay.admin.markFailed')}
                                </Button>
                              </Group>
                            ) : (
                              <Badge color={PAYOUT_COLOR[p.status]}>
                                {t(`ofairPay.payouts.status.${p.status}`)}
                              </Badge>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Stack>
            </Card>
          ))
        )}
      </Stack>
    </SectionCard>
  )
}

/** /ofair/admin/collection: collection alerts and bank-transfer batches. */
export function AdminCollectionPage() {
  const { t } = useTranslation()
  usePageTitle(t('ofairPay.admin.title'))
  return (
    <>
      <PageHeader title={t('ofairPay.admin.title')} description={t('ofairPay.admin.description')} />
      <Stack gap="md">
        <CollectionAlertsCard />
        <PayoutBatchesCard />
      </Stack>
    </>
  )
}
