import { Anchor, Badge, Code, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { isNotFound } from '../../api/client'
import { usePageTitle } from '../../app/use-page-title'
import { BackLink } from '../../components/back-link'
import { EmptyState } from '../../components/empty-state'
import { Fact } from '../../components/fact'
import { LinkedRow, RowLink } from '../../components/linked-row'
import { LoadMore } from '../../components/load-more'
import { LoadingState } from '../../components/loading-state'
import { NotFoundState } from '../../components/not-found-state'
import { PageHeader } from '../../components/page-header'
import { QueryError } from '../../components/query-error'
import { RowCard, RowCards } from '../../components/row-card'
import { SectionCard } from '../../components/section-card'
import { useIsPhone } from '../../components/use-is-phone'
import { formatDateTime } from '../../lib/format'
import { Amount } from '../billing/amount'
import { useVocab } from '../reference/use-vocab'
import { useOwnerName } from './account-owner'
import { type LedgerAccount, type LedgerEntry, useAccountEntries, useLedgerAccount } from './finance-api'

const postingUrl = (id: string) => `/admin/finance/ledger/postings/${id}`

/** One account: its balance (posted, pending in and out, available) and its entries, newest first. */
export function LedgerAccountPage() {
  const { t, i18n } = useTranslation()
  const { label } = useVocab()
  const id = useParams().id ?? ''
  const account = useLedgerAccount(id)
  const a = account.data
  const entries = useAccountEntries(id, Boolean(a))
  const owner = useOwnerName({ type: a?.owner_type ?? '', id: a?.owner_id ?? null })
  usePageTitle(a ? label('accountKinds', a.kind) : t('admin.finance.ledger.account'))
  const list = entries.data?.pages.flatMap((p) => p.data) ?? []

  if (isNotFound(account.error))
    return (
      <NotFoundState
        error={account.error}
        backTo="/admin/finance/ledger"
        backLabel={t('admin.finance.ledger.back')}
      />
    )
  return (
    <>
      <BackLink to="/admin/finance/ledger" label={t('admin.finance.ledger.back')} />
      <PageHeader
        title={a ? `${label('accountKinds', a.kind)} · ${a.currency}` : t('admin.finance.ledger.account')}
        description={a && <OwnerLine account={a} name={owner} />}
      />
      {account.isPending && <LoadingState />}
      {account.isError && (
        <QueryError
          error={account.error}
          signInTitle={t('admin.finance.signInRequired')}
          onRetry={() => account.refetch()}
        />
      )}
      {a && (
        <Stack gap="xl">
          <SimpleGrid
            cols={{ base: 2, md: 4 }}
            spacing="md"
            aria-label={t('admin.finance.ledger.balance')}
            component="section"
          >
            {(
              [
                ['posted', a.balance.posted, undefined],
                ['pendingIn', a.balance.pending_in, 'teal'],
                ['pendingOut', a.balance.pending_out, 'orange'],
                ['available', a.balance.available, undefined],
              ] as const
            ).map(([key, value, color]) => (
              <Paper key={key} withBorder p="md" aria-label={t(`admin.finance.ledger.${key}`)}>
                <Text size="xs" c="dimmed">
                  {t(`admin.finance.ledger.${key}`)}
                </Text>
                <Amount value={value} fz={22} fw={700} c={color} />
              </Paper>
            ))}
          </SimpleGrid>
          <SectionCard title={t('admin.finance.ledger.about')}>
            <SimpleGrid cols={{ base: 2, md: 4 }} spacing="lg" verticalSpacing="md">
              <Fact label={t('admin.finance.ledger.book')}>{label('books', a.book)}</Fact>
              <Fact label={t('admin.finance.ledger.normalSide')}>
                {t(
                  a.normal_side === 'debit'
                    ? 'admin.finance.ledger.debitNormal'
                    : 'admin.finance.ledger.creditNormal',
                )}
              </Fact>
              <Fact label={t('admin.finance.ledger.negative')}>
                {a.allow_negative
                  ? t('admin.finance.ledger.negativeAllowed')
                  : t('admin.finance.ledger.negativeForbidden')}
              </Fact>
              <Fact label={t('admin.finance.ledger.opened')}>
                {formatDateTime(a.created_at, i18n.language)}
              </Fact>
            </SimpleGrid>
            <Text size="xs" c="dimmed" mt="md">
              {t('admin.finance.ledger.forSupport')} <Code dir="ltr">{a.code}</Code> ·{' '}
              {t('admin.finance.ledger.version', { version: a.version })}
            </Text>
          </SectionCard>
          <SectionCard title={t('admin.finance.ledger.entries')}>
            <Stack>
              {entries.isPending && <LoadingState />}
              {entries.isError && (
                <QueryError
                  error={entries.error}
                  signInTitle={t('admin.finance.signInRequired')}
                  onRetry={() => entries.refetch()}
                />
              )}
              {entries.isSuccess && list.length === 0 && (
                <EmptyState title={t('admin.finance.ledger.noEntries')} />
              )}
              {list.length > 0 && <EntriesTable entries={list} account={a} />}
              {list.length > 0 && (
                <LoadMore
                  shown={t('admin.finance.ledger.entriesShown', { count: list.length })}
                  hasMore={entries.hasNextPage}
                  loading={entries.isFetchingNextPage}
                  onLoadMore={() => entries.fetchNextPage()}
                />
              )}
            </Stack>
          </SectionCard>
        </Stack>
      )}
    </>
  )
}

/** Whose account it is, with the way to their invoices (a company) and to all their accounts. */
function OwnerLine({ account: a, name }: { account: LedgerAccount; name: string }) {
  const { t } = useTranslation()
  const { label } = useVocab()
  const to = a.owner_type === 'company' && a.owner_id ? `/admin/finance/invoices?company=${a.owner_id}` : null
  const all = new URLSearchParams({
    owner_type: a.owner_type,
    ...(a.owner_id ? { owner_id: a.owner_id } : {}),
  })
  return (
    <>
      {to ? (
        <Anchor component={Link} to={to} inherit>
          {name}
        </Anchor>
      ) : (
        name
      )}
      {` · ${label('ownerTypes', a.owner_type)} · ${label('books', a.book)} · `}
      <Anchor component={Link} to={`/admin/finance/ledger?${all}`} inherit>
        {t('admin.finance.ledger.allAccountsOf')}
      </Anchor>
    </>
  )
}

function EntriesTable({ entries, account }: { entries: LedgerEntry[]; account: LedgerAccount }) {
  const { t, i18n } = useTranslation()
  const { label } = useVocab()
  const phone = useIsPhone()
  const lang = i18n.language
  const side = (e: LedgerEntry, which: 'debit' | 'credit') =>
    e.direction === which ? <Amount value={e.amount} fw={500} /> : null

  if (phone)
    return (
      <RowCards label={t('admin.finance.ledger.entries')}>
        {entries.map((e) => (
          <RowCard
            key={e.id}
            to={postingUrl(e.posting_id)}
            title={label('postingKinds', e.kind)}
            subtitle={formatDateTime(e.effective_at, lang)}
            badges={
              <Badge
                variant="light"
                tt="none"
                color={e.direction === account.normal_side ? 'teal' : 'orange'}
                size="sm"
              >
                {label('sides', e.direction)}
              </Badge>
            }
            fields={[
              { label: t('admin.finance.ledger.amount'), value: <Amount value={e.amount} fw={600} span /> },
              {
                label: t('admin.finance.ledger.balanceAfter'),
                value: <Amount value={e.balance_after} span />,
              },
            ]}
          />
        ))}
      </RowCards>
    )

  return (
    <Table.ScrollContainer minWidth={860}>
      <Table aria-label={t('admin.finance.ledger.entries')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.finance.ledger.when')}</Table.Th>
            <Table.Th>{t('admin.finance.ledger.what')}</Table.Th>
            <Table.Th ta="end">{t('splits.vocab.sides.debit')}</Table.Th>
            <Table.Th ta="end">{t('splits.vocab.sides.credit')}</Table.Th>
            <Table.Th ta="end">{t('admin.finance.ledger.balanceAfter')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <LinkedRow key={e.id} to={postingUrl(e.posting_id)}>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(e.effective_at, lang)}
                </Text>
              </Table.Td>
              <Table.Td>
                <RowLink to={postingUrl(e.posting_id)}>{label('postingKinds', e.kind)}</RowLink>
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {e.description}
                </Text>
              </Table.Td>
              <Table.Td ta="end">{side(e, 'debit')}</Table.Td>
              <Table.Td ta="end">{side(e, 'credit')}</Table.Td>
              <Table.Td ta="end">
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <Amount value={e.balance_after} fw={600} />
                </Group>
              </Table.Td>
            </LinkedRow>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
