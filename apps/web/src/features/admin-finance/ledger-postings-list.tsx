import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core'
import { IconScale } from '@tabler/icons-react'
import { useQueries } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { api } from '../../api/client'
import { unwrap } from '../../api/use-api'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { formatDateTime } from '../../lib/format'
import { Amount } from '../billing/amount'
import { useVocab } from '../reference/use-vocab'
import { financeKeys, type Posting } from './finance-api'
import { postingAmount, postingTotals } from './posting-words'

/**
 * The ledger postings about a set of business objects (an invoice, its payments and refunds, its
 * placements), oldest first: how the money moved, each balanced, each opening its posting.
 */
export function LedgerPostingsList({ references }: { references: { type: string; id: string }[] }) {
  const { t, i18n } = useTranslation()
  const { label } = useVocab()
  const results = useQueries({
    queries: references.map((r) => ({
      queryKey: financeKeys.postingsAbout(r.type, r.id),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        unwrap(
          api.GET('/api/admin/ledger/postings', {
            params: { query: { reference_type: r.type, reference_id: r.id } },
            signal,
          }),
        ),
    })),
  })
  if (results.some((r) => r.isPending)) return <LoadingState minHeight={80} />
  const failed = results.find((r) => r.isError)
  if (failed) return <ErrorAlert error={failed.error} onRetry={() => failed.refetch()} />
  const seen = new Set<string>()
  const postings: Posting[] = []
  for (const r of results)
    for (const p of r.data?.data ?? []) {
      if (seen.has(p.id)) continue
      seen.add(p.id)
      postings.push(p)
    }
  postings.sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id))
  if (postings.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('admin.finance.ledger.noPostings')}
      </Text>
    )
  return (
    <Stack
      component="ul"
      gap="xs"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('admin.finance.ledger.postings')}
    >
      {postings.map((p) => {
        const totals = postingTotals(p)
        return (
          <Paper key={p.id} component="li" withBorder p="sm" radius="md">
            <Group justify="space-between" wrap="wrap" gap="sm" align="flex-start">
              <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                <Anchor component={Link} to={`/admin/finance/ledger/postings/${p.id}`} fw={600} size="sm">
                  {label('postingKinds', p.kind)}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {formatDateTime(p.effective_at, i18n.language)} ·{' '}
                  {t('admin.finance.ledger.entryCount', { count: p.entries.length })}
                </Text>
              </Stack>
              <Group gap="xs">
                {postingAmount(p) && <Amount value={postingAmount(p)!} fw={600} />}
                {totals.every((x) => x.balanced) ? (
                  <Badge variant="light" color="teal" tt="none" leftSection={<IconScale size={12} />}>
                    {t('admin.finance.ledger.balanced')}
                  </Badge>
                ) : (
                  <Badge variant="light" color="red" tt="none">
                    {t('admin.finance.ledger.unbalanced')}
                  </Badge>
                )}
                {p.reversed_by && (
                  <Badge variant="light" color="gray" tt="none">
                    {t('admin.finance.ledger.reversed')}
                  </Badge>
                )}
              </Group>
            </Group>
          </Paper>
        )
      })}
    </Stack>
  )
}
