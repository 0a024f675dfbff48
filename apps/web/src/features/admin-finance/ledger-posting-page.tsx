import { Alert, Anchor, Badge, Code, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core'
import { IconArrowBackUp, IconScale } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { isNotFound } from '../../api/client'
import { usePageTitle } from '../../app/use-page-title'
import { BackLink } from '../../components/back-link'
import { Fact } from '../../components/fact'
import { LoadingState } from '../../components/loading-state'
import { NotFoundState } from '../../components/not-found-state'
import { PageHeader } from '../../components/page-header'
import { QueryError } from '../../components/query-error'
import { SectionCard } from '../../components/section-card'
import { useIsPhone } from '../../components/use-is-phone'
import { formatDateTime } from '../../lib/format'
import { Amount } from '../billing/amount'
import { useVocab } from '../reference/use-vocab'
import { useOwnerName } from './account-owner'
import { BusinessReference } from './business-reference'
import { type Posting, usePosting } from './finance-api'
import { postingTotals } from './posting-words'

type Entry = Posting['entries'][number]
const accountUrl = (id: string) => `/admin/finance/ledger/accounts/${id}`

/** One posting: its entries (debits equal credits), what it is about, and any reversal. */
export function LedgerPostingPage() {
  const { t, i18n } = useTranslation()
  const { label } = useVocab()
  const id = useParams().id ?? ''
  const posting = usePosting(id)
  const p = posting.data
  usePageTitle(p ? label('postingKinds', p.kind) : t('admin.finance.ledger.posting'))
  const totals = p ? postingTotals(p) : []
  const balanced = totals.every((x) => x.balanced)

  if (isNotFound(posting.error))
    return (
      <NotFoundState
        error={posting.error}
        backTo="/admin/finance/ledger"
        backLabel={t('admin.finance.ledger.back')}
      />
    )
  return (
    <>
      <BackLink to="/admin/finance/ledger" label={t('admin.finance.ledger.back')} />
      <PageHeader
        title={
          <Group gap="sm" component="span">
            {p ? label('postingKinds', p.kind) : t('admin.finance.ledger.posting')}
            {p && (
              <Badge
                size="lg"
                variant="light"
                tt="none"
                color={balanced ? 'teal' : 'red'}
                leftSection={<IconScale size={14} />}
              >
                {balanced ? t('admin.finance.ledger.balanced') : t('admin.finance.ledger.unbalanced')}
              </Badge>
            )}
          </Group>
        }
        description={p?.description}
      />
      {posting.isPending && <LoadingState />}
      {posting.isError && (
        <QueryError
          error={posting.error}
          signInTitle={t('admin.finance.signInRequired')}
          onRetry={() => posting.refetch()}
        />
      )}
      {p && (
        <Stack gap="xl">
          {(p.reverses || p.reversed_by) && (
            <Alert variant="light" color="gray" icon={<IconArrowBackUp size={18} />}>
              {p.reverses && (
                <Anchor component={Link} to={`/admin/finance/ledger/postings/${p.reverses}`} size="sm">
                  {t('admin.finance.ledger.reverses')}
                </Anchor>
              )}
              {p.reversed_by && (
                <Anchor component={Link} to={`/admin/finance/ledger/postings/${p.reversed_by}`} size="sm">
                  {t('admin.finance.ledger.reversedBy')}
                </Anchor>
              )}
            </Alert>
          )}
          <SectionCard title={t('admin.finance.ledger.about')}>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg" verticalSpacing="md">
              <Fact label={t('admin.finance.ledger.reference')}>
                <BusinessReference posting={p} />
              </Fact>
              <Fact label={t('admin.finance.ledger.effective')}>
                {formatDateTime(p.effective_at, i18n.language)}
              </Fact>
              <Fact label={t('admin.finance.ledger.recorded')}>
                {formatDateTime(p.created_at, i18n.language)}
              </Fact>
            </SimpleGrid>
            <Text size="xs" c="dimmed" mt="md" style={{ overflowWrap: 'anywhere' }}>
              {t('admin.finance.ledger.forSupport')} <Code dir="ltr">{p.id}</Code> ·{' '}
              {t('admin.finance.ledger.idempotencyKey')} <Code dir="ltr">{p.idempotency_key}</Code>
            </Text>
          </SectionCard>
          <SectionCard title={t('admin.finance.ledger.entries')}>
            <PostingEntries posting={p} totals={totals} />
          </SectionCard>
        </Stack>
      )}
    </>
  )
}

function PostingEntries({ posting, totals }: { posting: Posting; totals: ReturnType<typeof postingTotals> }) {
  const { t } = useTranslation()
  const phone = useIsPhone()
  if (phone)
    return (
      <Stack gap="xs">
        <Stack
          component="ul"
          gap="xs"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('admin.finance.ledger.entries')}
        >
          {posting.entries.map((e) => (
            <EntryCard key={e.id} entry={e} />
          ))}
        </Stack>
        {totals.map((x) => (
          <Group key={x.currency} justify="space-between" px="sm">
            <Text size="sm" fw={700}>
              {t('admin.finance.ledger.totals')}
            </Text>
            <Text size="sm" fw={700}>
              <Amount span value={{ amount: x.debits.toString(), currency: x.currency }} fw={700} /> ={' '}
              <Amount span value={{ amount: x.credits.toString(), currency: x.currency }} fw={700} />
            </Text>
          </Group>
        ))}
      </Stack>
    )
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table aria-label={t('admin.finance.ledger.entries')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.finance.ledger.account')}</Table.Th>
            <Table.Th ta="end">{t('splits.vocab.sides.debit')}</Table.Th>
            <Table.Th ta="end">{t('splits.vocab.sides.credit')}</Table.Th>
            <Table.Th ta="end">{t('admin.finance.ledger.balanceAfter')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {posting.entries.map((e) => (
            <EntryRow key={e.id} entry={e} />
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          {totals.map((x) => (
            <Table.Tr key={x.currency}>
              <Table.Th>
                {t('admin.finance.ledger.totals')} · {x.currency}
              </Table.Th>
              <Table.Th ta="end">
                <Amount value={{ amount: x.debits.toString(), currency: x.currency }} fw={700} />
              </Table.Th>
              <Table.Th ta="end">
                <Amount value={{ amount: x.credits.toString(), currency: x.currency }} fw={700} />
              </Table.Th>
              <Table.Th ta="end">
                <Text size="sm" fw={600} c={x.balanced ? 'teal' : 'red'}>
                  {x.balanced
                    ? t('admin.finance.ledger.debitsEqualCredits')
                    : t('admin.finance.ledger.unbalanced')}
                </Text>
              </Table.Th>
            </Table.Tr>
          ))}
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  )
}

function EntryAccount({ entry: e }: { entry: Entry }) {
  const { label } = useVocab()
  const owner = useOwnerName(e.owner)
  return (
    <>
      <Anchor component={Link} to={accountUrl(e.account_id)} size="sm" fw={600}>
        {label('accountKinds', e.account_kind)}
      </Anchor>
      <Text size="xs" c="dimmed">
        {owner}
      </Text>
    </>
  )
}

function EntryRow({ entry: e }: { entry: Entry }) {
  return (
    <Table.Tr>
      <Table.Td>
        <EntryAccount entry={e} />
      </Table.Td>
      <Table.Td ta="end">{e.direction === 'debit' && <Amount value={e.amount} fw={500} />}</Table.Td>
      <Table.Td ta="end">{e.direction === 'credit' && <Amount value={e.amount} fw={500} />}</Table.Td>
      <Table.Td ta="end">
        <Amount value={e.balance_after} c="dimmed" />
      </Table.Td>
    </Table.Tr>
  )
}

function EntryCard({ entry: e }: { entry: Entry }) {
  const { t } = useTranslation()
  const { label } = useVocab()
  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <EntryAccount entry={e} />
        </Stack>
        <Stack gap={0} align="flex-end">
          <Text size="xs" c="dimmed">
            {label('sides', e.direction)}
          </Text>
          <Amount value={e.amount} fw={600} />
          <Text size="xs" c="dimmed">
            {t('admin.finance.ledger.balanceAfter')} <Amount span size="xs" value={e.balance_after} />
          </Text>
        </Stack>
      </Group>
    </Paper>
  )
}
