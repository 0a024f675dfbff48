import { Badge, Button, Group, Stack, Text, ThemeIcon } from '@mantine/core'
import { IconCircleCheck, IconCircleX, IconRefresh } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { RelativeTime } from '../../components/relative-time'
import { SectionCard } from '../../components/section-card'
import { formatNumber } from '../../lib/format'
import { useVocab } from '../reference/use-vocab'
import { useReconciliation } from './finance-api'

/** The ledger proven now: the four invariants with their detail, when they were checked, and "Run now". */
export function ReconciliationCard() {
  const { t, i18n } = useTranslation()
  const { label } = useVocab()
  const proof = useReconciliation()
  const r = proof.data
  const failing = r?.checks.filter((c) => !c.ok).length ?? 0

  return (
    <SectionCard
      title={t('admin.finance.reconciliation.title')}
      actions={
        <Button
          size="xs"
          variant="default"
          leftSection={<IconRefresh size={14} />}
          loading={proof.isFetching}
          onClick={() => proof.refetch()}
        >
          {t('admin.finance.reconciliation.run')}
        </Button>
      }
    >
      {proof.isPending && <LoadingState minHeight={120} />}
      {proof.isError && <ErrorAlert error={proof.error} onRetry={() => proof.refetch()} />}
      {r && (
        <Stack gap="sm">
          <Group gap="sm" justify="space-between">
            <Badge
              size="lg"
              variant="light"
              tt="none"
              color={r.ok ? 'teal' : 'red'}
              leftSection={r.ok ? <IconCircleCheck size={14} /> : <IconCircleX size={14} />}
            >
              {r.ok
                ? t('admin.finance.reconciliation.allPass')
                : t('admin.finance.reconciliation.failing', { count: failing })}
            </Badge>
            <Text size="xs" c="dimmed">
              {t('admin.finance.reconciliation.checked')} <RelativeTime span value={r.checked_at} size="xs" />{' '}
              ·{' '}
              {t('admin.finance.reconciliation.entries', {
                count: r.entries,
                formatted: formatNumber(r.entries, i18n.language),
              })}
            </Text>
          </Group>
          <Stack
            component="ul"
            gap="sm"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t('admin.finance.reconciliation.checks')}
          >
            {r.checks.map((c) => (
              <Group
                key={c.name}
                component="li"
                gap="sm"
                wrap="nowrap"
                align="flex-start"
                aria-label={label('reconciliationChecks', c.name)}
              >
                <ThemeIcon size="md" radius="xl" variant="light" color={c.ok ? 'teal' : 'red'}>
                  {c.ok ? <IconCircleCheck size={16} /> : <IconCircleX size={16} />}
                </ThemeIcon>
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600}>
                    {label('reconciliationChecks', c.name)}
                    <Text span size="sm" fw={500} c={c.ok ? 'teal' : 'red'} ms={6}>
                      {c.ok ? t('admin.finance.reconciliation.ok') : t('admin.finance.reconciliation.fail')}
                    </Text>
                  </Text>
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {c.detail}
                  </Text>
                </Stack>
              </Group>
            ))}
          </Stack>
        </Stack>
      )}
    </SectionCard>
  )
}
