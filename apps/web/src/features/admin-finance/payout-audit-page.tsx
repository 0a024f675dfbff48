import {
  Alert,
  Anchor,
  Button,
  Code,
  Collapse,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconHistory, IconLink, IconShieldCheck, IconShieldX } from '@tabler/icons-react'
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
import { formatDateTime, formatNumber } from '../../lib/format'
import { useVocab } from '../reference/use-vocab'
import { auditSummary } from './audit-summary'
import { type AuditEntityType, type AuditRow, usePayoutAudit, useVerifyAuditChain } from './finance-api'

const ENTITY_TYPES: AuditEntityType[] = [
  'invoice',
  'payment',
  'refund',
  'credit_note',
  'contract',
  'company',
  'placement',
  'payout',
  'payout_schedule',
  'escrow_hold',
]

/** Where an audited thing lives in the app, when it has a page. */
function entityLink(row: AuditRow): string | null {
  switch (row.entity_type) {
    case 'invoice':
      return `/admin/finance/invoices/${row.entity_id}`
    case 'contract':
      return `/admin/finance/contracts/${row.entity_id}`
    case 'placement':
      return `/splits/placements/${row.entity_id}`
    case 'company':
      return `/admin/finance/invoices?company=${row.entity_id}`
    default:
      return null
  }
}

/** One-line JSON with spaces, so long values wrap between fields. */
const compact = (value: unknown) => JSON.stringify(value ?? null, null, 1).replace(/\n\s*/g, ' ')

/**
 * The payout audit log: every change of a money document, newest first, append-only and
 * hash-chained; "Verify chain" recomputes every hash and names the first row that does not match.
 */
export function PayoutAuditPage() {
  const { t, i18n } = useTranslation()
  const { options } = useVocab()
  usePageTitle(t('admin.finance.audit.title'))
  const [params, setParams] = useSearchParams()
  const entityType = params.get('entity_type') as AuditEntityType | null
  const entityId = params.get('entity_id') ?? ''
  const audit = usePayoutAudit({
    entity_type: entityType ?? undefined,
    entity_id: entityId.trim() || undefined,
  })
  const verify = useVerifyAuditChain()
  const rows = audit.data?.pages.flatMap((p) => p.data) ?? []
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
  const v = verify.data

  return (
    <>
      <PageHeader
        title={t('admin.finance.audit.title')}
        description={t('admin.finance.audit.description')}
        actions={
          <Button
            leftSection={<IconShieldCheck size={16} />}
            loading={verify.isPending}
            onClick={() => verify.mutate()}
          >
            {t('admin.finance.audit.verify')}
          </Button>
        }
      />
      <Stack gap="xl">
        {verify.isError && <ErrorAlert error={verify.error} />}
        {v && (
          <Alert
            role="status"
            color={v.ok ? 'teal' : 'red'}
            variant="light"
            icon={v.ok ? <IconShieldCheck size={20} /> : <IconShieldX size={20} />}
            title={v.ok ? t('admin.finance.audit.chainOk') : t('admin.finance.audit.chainBroken')}
          >
            <Stack gap={4}>
              <Text size="sm">
                {v.ok
                  ? t('admin.finance.audit.chainOkBody', {
                      count: v.rows,
                      formatted: formatNumber(v.rows, i18n.language),
                    })
                  : t('admin.finance.audit.chainBrokenBody', {
                      seq: v.broken_seq ?? '—',
                      reason: v.reason ?? '—',
                    })}
              </Text>
              {v.last_hash && (
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {t('admin.finance.audit.headHash')} <Code dir="ltr">{v.last_hash}</Code>
                </Text>
              )}
            </Stack>
          </Alert>
        )}
        <SectionCard title={t('admin.finance.audit.listTitle')}>
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select
                aria-label={t('admin.finance.audit.entityType')}
                placeholder={t('admin.finance.audit.anyEntity')}
                data={options('auditEntities', ENTITY_TYPES)}
                value={entityType}
                onChange={(value) => set('entity_type', value)}
                clearable
              />
              <TextInput
                aria-label={t('admin.finance.audit.entityId')}
                placeholder={t('admin.finance.audit.entityIdPlaceholder')}
                value={entityId}
                onChange={(e) => set('entity_id', e.currentTarget.value)}
                dir="ltr"
              />
            </SimpleGrid>
            {audit.isPending && <LoadingState />}
            {audit.isError && (
              <QueryError
                error={audit.error}
                signInTitle={t('admin.finance.signInRequired')}
                onRetry={() => audit.refetch()}
              />
            )}
            {audit.isSuccess && rows.length === 0 && (
              <EmptyState
                icon={<IconHistory size={28} stroke={1.5} />}
                title={t('admin.finance.audit.empty')}
              />
            )}
            {rows.length > 0 && (
              <Stack
                component="ol"
                gap="xs"
                p={0}
                m={0}
                style={{ listStyle: 'none' }}
                aria-label={t('admin.finance.audit.listTitle')}
              >
                {rows.map((row) => (
                  <AuditEntry
                    key={row.id}
                    row={row}
                    onEntity={(type, id) => setParams({ entity_type: type, entity_id: id })}
                  />
                ))}
              </Stack>
            )}
            {rows.length > 0 && (
              <LoadMore
                shown={t('admin.finance.audit.shown', { count: rows.length })}
                hasMore={audit.hasNextPage}
                loading={audit.isFetchingNextPage}
                onLoadMore={() => audit.fetchNextPage()}
              />
            )}
          </Stack>
        </SectionCard>
      </Stack>
    </>
  )
}

function AuditEntry({ row, onEntity }: { row: AuditRow; onEntity: (type: string, id: string) => void }) {
  const { t, i18n } = useTranslation()
  const { label } = useVocab()
  const link = entityLink(row)
  const summary = auditSummary(row, t, i18n.language, label)
  const [details, { toggle: toggleDetails }] = useDisclosure(false)
  // The role in words; the person's id stays in the details (looking the name up would log a
  // reveal of their contacts on the admin users API).
  const who = row.changed_by_role ? label('actorRoles', row.changed_by_role) : null
  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Text size="sm" fw={600}>
            {label('auditActions', row.action)}
          </Text>
          {summary && (
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {summary}
            </Text>
          )}
          <Group gap={6} wrap="wrap">
            <Text size="xs" c="dimmed">
              {label('auditEntities', row.entity_type)}
            </Text>
            {link && (
              <Anchor component={Link} to={link} size="xs">
                {t('admin.finance.audit.open')}
              </Anchor>
            )}
            <Anchor
              component="button"
              type="button"
              size="xs"
              onClick={() => onEntity(row.entity_type, row.entity_id)}
            >
              <Group gap={2} component="span">
                <IconLink size={12} />
                {t('admin.finance.audit.historyOf')}
              </Group>
            </Anchor>
            <Anchor
              component="button"
              type="button"
              size="xs"
              c="dimmed"
              onClick={toggleDetails}
              aria-expanded={details}
            >
              {details ? t('admin.finance.audit.hide') : t('admin.finance.audit.details')}
            </Anchor>
          </Group>
          {row.reason && <Text size="sm">{row.reason}</Text>}
        </Stack>
        <Stack gap={0} align="flex-end">
          <Text size="xs">{formatDateTime(row.created_at, i18n.language)}</Text>
          <Text size="xs" c="dimmed">
            {who || '—'}
          </Text>
        </Stack>
      </Group>
      <Collapse expanded={details}>
        <Code block dir="ltr" mt={6} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {`#${row.seq} ${row.action} ${row.entity_type}:${row.entity_id}\n${compact(row.old_value)} → ${compact(row.new_value)}\nhash ${row.hash}${row.changed_by ? `\nby ${row.changed_by}` : ''}${row.request_id ? `\nrequest ${row.request_id}` : ''}`}
        </Code>
      </Collapse>
    </Paper>
  )
}
