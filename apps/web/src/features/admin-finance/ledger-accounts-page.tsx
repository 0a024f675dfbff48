import { CURRENCY_CODES } from '@app/money'
import { Badge, CloseButton, Group, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core'
import { IconBook2 } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { usePageTitle } from '../../app/use-page-title'
import { EmptyState } from '../../components/empty-state'
import { LinkedRow, RowLink } from '../../components/linked-row'
import { LoadMore } from '../../components/load-more'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { QueryError } from '../../components/query-error'
import { RowCard, RowCards } from '../../components/row-card'
import { SectionCard } from '../../components/section-card'
import { useIsPhone } from '../../components/use-is-phone'
import { Amount } from '../billing/amount'
import { useVocab } from '../reference/use-vocab'
import { AccountOwner, useOwnerName } from './account-owner'
import { type LedgerAccount, useLedgerAccounts } from './finance-api'
import { ACCOUNT_KINDS, BOOKS, OWNER_TYPES } from './ledger-vocab'

const accountUrl = (id: string) => `/admin/finance/ledger/accounts/${id}`

/** The ledger explorer's first step: accounts with their balances, filtered by book, owner, kind, currency. */
export function LedgerAccountsPage() {
  const { t } = useTranslation()
  const { options } = useVocab()
  const phone = useIsPhone()
  usePageTitle(t('admin.finance.ledger.title'))
  const [params, setParams] = useSearchParams()
  const filters = {
    book: params.get('book') ?? undefined,
    owner_type: params.get('owner_type') ?? undefined,
    owner_id: params.get('owner_id') ?? undefined,
    kind: params.get('kind') ?? undefined,
    currency: params.get('currency') ?? undefined,
  }
  const accounts = useLedgerAccounts(filters)
  const list = accounts.data?.pages.flatMap((p) => p.data) ?? []
  const set = (key: string, value: string | null) =>
    setParams(
      (all) => {
        const next = new URLSearchParams(all)
        if (value) next.set(key, value)
        else next.delete(key)
        return next
      },
      { replace: true },
    )

  return (
    <>
      <PageHeader
        title={t('admin.finance.ledger.title')}
        description={t('admin.finance.ledger.description')}
      />
      <SectionCard title={t('admin.finance.ledger.accounts')}>
        <Stack>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            <Select
              aria-label={t('admin.finance.ledger.book')}
              placeholder={t('admin.finance.ledger.anyBook')}
              data={options('books', BOOKS)}
              value={filters.book ?? null}
              onChange={(v) => set('book', v)}
              clearable
            />
            <Select
              aria-label={t('admin.finance.ledger.ownerType')}
              placeholder={t('admin.finance.ledger.anyOwner')}
              data={options('ownerTypes', OWNER_TYPES)}
              value={filters.owner_type ?? null}
              onChange={(v) => set('owner_type', v)}
              clearable
            />
            <Select
              aria-label={t('admin.finance.ledger.kind')}
              placeholder={t('admin.finance.ledger.anyKind')}
              data={options('accountKinds', ACCOUNT_KINDS)}
              value={filters.kind ?? null}
              onChange={(v) => set('kind', v)}
              clearable
            />
            <Select
              aria-label={t('admin.finance.ledger.currency')}
              placeholder={t('admin.finance.ledger.anyCurrency')}
              data={CURRENCY_CODES}
              value={filters.currency ?? null}
              onChange={(v) => set('currency', v)}
              clearable
              searchable
            />
          </SimpleGrid>
          {filters.owner_id && (
            <Group gap="xs">
              <Badge
                variant="light"
                tt="none"
                size="lg"
                rightSection={
                  <CloseButton
                    size="xs"
                    aria-label={t('admin.finance.ledger.clearOwner')}
                    onClick={() => set('owner_id', null)}
                  />
                }
              >
                {t('admin.finance.ledger.ownerFilter')}{' '}
                <OwnerName type={filters.owner_type ?? ''} id={filters.owner_id} />
              </Badge>
            </Group>
          )}
          {accounts.isPending && <LoadingState />}
          {accounts.isError && (
            <QueryError
              error={accounts.error}
              signInTitle={t('admin.finance.signInRequired')}
              onRetry={() => accounts.refetch()}
            />
          )}
          {accounts.isSuccess && list.length === 0 && (
            <EmptyState
              icon={<IconBook2 size={28} stroke={1.5} />}
              title={t('admin.finance.ledger.noAccounts')}
            />
          )}
          {list.length > 0 &&
            (phone ? (
              <RowCards label={t('admin.finance.ledger.accounts')}>
                {list.map((a) => (
                  <AccountCard key={a.id} account={a} />
                ))}
              </RowCards>
            ) : (
              <Table.ScrollContainer minWidth={820}>
                <Table aria-label={t('admin.finance.ledger.accounts')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('admin.finance.ledger.account')}</Table.Th>
                      <Table.Th>{t('admin.finance.ledger.owner')}</Table.Th>
                      <Table.Th ta="end">{t('admin.finance.ledger.posted')}</Table.Th>
                      <Table.Th ta="end">{t('admin.finance.ledger.pending')}</Table.Th>
                      <Table.Th ta="end">{t('admin.finance.ledger.available')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.map((a) => (
                      <AccountRow key={a.id} account={a} />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            ))}
          {list.length > 0 && (
            <LoadMore
              shown={t('admin.finance.ledger.accountsShown', { count: list.length })}
              hasMore={accounts.hasNextPage}
              loading={accounts.isFetchingNextPage}
              onLoadMore={() => accounts.fetchNextPage()}
            />
          )}
        </Stack>
      </SectionCard>
    </>
  )
}

function OwnerName({ type, id }: { type: string; id: string }) {
  return <>{useOwnerName({ type, id })}</>
}

function AccountTitle({ account: a }: { account: LedgerAccount }) {
  const { t } = useTranslation()
  const { label } = useVocab()
  return (
    <>
      {label('accountKinds', a.kind)} · {a.currency}
      {a.shard > 0 && ` · ${t('admin.finance.ledger.shard', { shard: a.shard })}`}
    </>
  )
}

function pending(a: LedgerAccount) {
  return BigInt(a.balance.pending_in.amount) !== 0n || BigInt(a.balance.pending_out.amount) !== 0n
}

function AccountRow({ account: a }: { account: LedgerAccount }) {
  const { t } = useTranslation()
  const { label } = useVocab()
  return (
    <LinkedRow to={accountUrl(a.id)}>
      <Table.Td>
        <RowLink to={accountUrl(a.id)}>
          <AccountTitle account={a} />
        </RowLink>
        <Text size="xs" c="dimmed">
          {label('books', a.book)} ·{' '}
          {t(
            a.normal_side === 'debit'
              ? 'admin.finance.ledger.debitNormal'
              : 'admin.finance.ledger.creditNormal',
          )}
        </Text>
      </Table.Td>
      <Table.Td>
        <AccountOwner owner={{ type: a.owner_type, id: a.owner_id }} />
        <Text size="xs" c="dimmed">
          {label('ownerTypes', a.owner_type)}
        </Text>
      </Table.Td>
      <Table.Td ta="end">
        <Amount value={a.balance.posted} fw={600} />
      </Table.Td>
      <Table.Td ta="end">
        {pending(a) ? (
          <Stack gap={0} align="flex-end">
            <Amount value={a.balance.pending_in} size="xs" c="teal" />
            <Amount value={a.balance.pending_out} size="xs" c="orange" />
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="end">
        <Amount value={a.balance.available} />
      </Table.Td>
    </LinkedRow>
  )
}

function AccountCard({ account: a }: { account: LedgerAccount }) {
  const { t } = useTranslation()
  const { label } = useVocab()
  const owner = useOwnerName({ type: a.owner_type, id: a.owner_id })
  return (
    <RowCard
      to={accountUrl(a.id)}
      title={`${label('accountKinds', a.kind)} · ${a.currency}`}
      subtitle={`${owner} · ${label('ownerTypes', a.owner_type)}`}
      fields={[
        { label: t('admin.finance.ledger.posted'), value: <Amount value={a.balance.posted} fw={600} span /> },
        { label: t('admin.finance.ledger.available'), value: <Amount value={a.balance.available} span /> },
      ]}
    />
  )
}
