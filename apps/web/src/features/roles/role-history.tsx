import { formatBps } from '@app/money'
import { Group, Stack, Table, Text } from '@mantine/core'
import { IconArrowRight, IconHistory } from '@tabler/icons-react'
import type { ParseKeys } from 'i18next'
import { useTranslation } from 'react-i18next'
import { EmptyState } from '../../components/empty-state'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { RelativeTime } from '../../components/relative-time'
import { formatAmount } from '../../lib/money'
import { useVocab, type VocabKind } from '../reference/use-vocab'
import { VocabBadge } from '../reference/vocab-badge'
import { type RoleHistoryEntry, useRoleHistory } from './roles-api'

const FIELD_LABELS: Record<string, ParseKeys> = {
  title: 'splits.roleForm.title',
  description: 'splits.roleForm.description',
  function: 'splits.roleForm.function',
  industry: 'splits.roleForm.industry',
  seniority: 'splits.roleForm.seniority',
  location: 'splits.roleForm.location',
  country: 'splits.roleForm.country',
  work_mode: 'splits.roleForm.workMode',
  employment_type: 'splits.roleForm.employmentType',
  salary_min: 'splits.roleForm.salaryMin',
  salary_max: 'splits.roleForm.salaryMax',
  salary_currency: 'splits.roleForm.currency',
  fee_rate_bps: 'splits.roleForm.feePercent',
  job_owner_recruiter_id: 'splits.roleForm.jobOwner',
  guarantee_days: 'splits.roleForm.guaranteeDays',
  visibility: 'splits.roleForm.visibility',
  openings: 'splits.roleForm.openings',
}

/** Fields whose values are codes with words in the vocabulary. */
const VOCAB_FIELDS: Record<string, VocabKind> = {
  function: 'functions',
  industry: 'industries',
  seniority: 'seniorities',
  work_mode: 'workModes',
  employment_type: 'employmentTypes',
  visibility: 'visibilities',
}

const asRecord = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' ? (value as Record<string, unknown>) : {}

/** A changed value as people read it: salaries formatted in the role's currency, the fee in percent. */
function show(
  key: string,
  value: unknown,
  currency: string,
  lang: string,
  label: (kind: VocabKind, code: string) => string,
): string {
  if (value === null || value === undefined || value === '') return '—'
  const kind = VOCAB_FIELDS[key]
  if (kind && typeof value === 'string') return label(kind, value)
  if ((key === 'salary_min' || key === 'salary_max') && typeof value === 'string' && /^\d+$/.test(value))
    return formatAmount(value, currency, lang)
  if (key === 'fee_rate_bps' && typeof value === 'number') return formatBps(value)
  const text = typeof value === 'string' ? value : JSON.stringify(value)
  return text.length > 90 ? `${text.slice(0, 89)}…` : text
}

function Change({ entry, currency }: { entry: RoleHistoryEntry; currency: string }) {
  const { t, i18n } = useTranslation()
  const { label } = useVocab()
  const before = asRecord(entry.before)
  const after = asRecord(entry.after)
  if (entry.change === 'created') return <Text size="sm">{t('splits.roleHistory.created')}</Text>
  if (entry.change === 'status_changed') {
    return (
      <Stack gap={4}>
        <Group gap={6}>
          <VocabBadge kind="roleStatuses" code={String(before.status ?? '')} />
          <IconArrowRight size={14} />
          <VocabBadge kind="roleStatuses" code={String(after.status ?? '')} />
        </Group>
        {entry.reason && (
          <Text size="sm" c="dimmed">
            {t('splits.roleHistory.reason', { reason: entry.reason })}
          </Text>
        )}
      </Stack>
    )
  }
  if (entry.change === 'assignments_changed')
    return <Text size="sm">{t('splits.roleHistory.assignments')}</Text>
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
  if (entry.change !== 'updated' || keys.length === 0) {
    return <Text size="sm">{t('splits.roleHistory.other', { change: entry.change })}</Text>
  }
  return (
    <Stack gap={4}>
      {keys.map((key) => (
        <Text key={key} size="sm" style={{ overflowWrap: 'anywhere' }}>
          <Text span fw={600}>
            {FIELD_LABELS[key] ? t(FIELD_LABELS[key]) : key}:
          </Text>{' '}
          <Text span c="dimmed" td="line-through">
            {show(key, before[key], currency, i18n.language, label)}
          </Text>{' '}
          → {show(key, after[key], currency, i18n.language, label)}
        </Text>
      ))}
    </Stack>
  )
}

/** Every change to a role, oldest first: who, when, and before → after. */
export function RoleHistory({ roleId, currency }: { roleId: string; currency: string }) {
  const { t } = useTranslation()
  const history = useRoleHistory(roleId)

  if (history.isPending) return <LoadingState />
  if (history.isError) return <ErrorAlert error={history.error} onRetry={() => history.refetch()} />
  if (history.data.data.length === 0) {
    return <EmptyState icon={<IconHistory size={28} stroke={1.5} />} title={t('splits.roleHistory.empty')} />
  }
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={200}>{t('splits.roleHistory.when')}</Table.Th>
            <Table.Th>{t('splits.roleHistory.change')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {history.data.data.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td style={{ verticalAlign: 'top' }}>
                <RelativeTime value={entry.changed_at} size="sm" />
                <Text size="xs" c="dimmed">
                  {entry.changed_by_name ?? t('splits.roleHistory.system')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Change entry={entry} currency={currency} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
