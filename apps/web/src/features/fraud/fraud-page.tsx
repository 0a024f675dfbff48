import { Anchor, Badge, Button, Group, Stack, Table, Tabs, Text, Textarea } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconShieldCheck } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { errorMessage } from '../../api/client'
import { usePageTitle } from '../../app/use-page-title'
import { EmptyState } from '../../components/empty-state'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { SectionCard } from '../../components/section-card'
import { formatDateTime } from '../../lib/format'
import {
  type Hold,
  SEVERITY_COLOR,
  SIGNAL_STATUSES,
  type SignalStatus,
  useHolds,
  useLiftHold,
  useSignals,
} from './fraud-api'

/** Platform admins: fraud signals by severity, with their evidence, and the recruiters on hold. */
export function FraudPage() {
  const { t, i18n } = useTranslation()
  usePageTitle(t('fraud.title'))
  const [params, setParams] = useSearchParams()
  const status = (params.get('status') as SignalStatus | null) ?? 'active'
  const signals = useSignals(status)
  const list = signals.data?.pages.flatMap((p) => p.data) ?? []

  return (
    <>
      <PageHeader title={t('fraud.title')} description={t('fraud.description')} />
      <Stack gap="xl">
        <HoldsCard />
        <Tabs value={status} onChange={(v) => v && setParams({ status: v }, { replace: true })}>
          <Tabs.List mb="lg">
            {SIGNAL_STATUSES.map((s) => (
              <Tabs.Tab key={s} value={s}>
                {t(`fraud.status.${s}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {signals.isPending && <LoadingState />}
          {signals.isError && <ErrorAlert error={signals.error} onRetry={() => signals.refetch()} />}
          {signals.isSuccess && list.length === 0 && (
            <EmptyState icon={<IconShieldCheck size={28} stroke={1.5} />} title={t('fraud.empty')} />
          )}
          {list.length > 0 && (
            <Table.ScrollContainer minWidth={720}>
              <Table verticalSpacing="sm" aria-label={t('fraud.queue')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('fraud.severity')}</Table.Th>
                    <Table.Th>{t('fraud.type')}</Table.Th>
                    <Table.Th>{t('fraud.evidence')}</Table.Th>
                    <Table.Th>{t('fraud.confidence')}</Table.Th>
                    <Table.Th>{t('fraud.detected')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((s) => (
                    <Table.Tr key={s.id}>
                      <Table.Td>
                        <Badge color={SEVERITY_COLOR[s.severity]}>
                          {t(`fraud.severities.${s.severity}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/admin/fraud/${s.id}`} fw={500}>
                          {t(`fraud.types.${s.type}`)}
                        </Anchor>
                      </Table.Td>
                      <Table.Td maw={480}>
                        <Text size="sm" lineClamp={2}>
                          {s.explanation}
                        </Text>
                      </Table.Td>
                      <Table.Td>{s.confidence}%</Table.Td>
                      <Table.Td>{formatDateTime(s.detected_at, i18n.language)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {signals.hasNextPage && (
            <Group justify="center" mt="md">
              <Button
                variant="default"
                onClick={() => signals.fetchNextPage()}
                loading={signals.isFetchingNextPage}
              >
                {t('fraud.loadMore')}
              </Button>
            </Group>
          )}
        </Tabs>
      </Stack>
    </>
  )
}

function HoldsCard() {
  const { t } = useTranslation()
  const holds = useHolds()
  const data = holds.data?.data ?? []
  return (
    <SectionCard title={t('fraud.holds.title')}>
      {holds.isPending && <LoadingState />}
      {holds.isError && <ErrorAlert error={holds.error} onRetry={() => holds.refetch()} />}
      {holds.isSuccess && data.length === 0 && <Text c="dimmed">{t('fraud.holds.none')}</Text>}
      <Stack>
        {data.map((h) => (
          <HoldRow key={h.recruiter_id} hold={h} />
        ))}
      </Stack>
    </SectionCard>
  )
}

function HoldRow({ hold }: { hold: Hold }) {
  const { t, i18n } = useTranslation()
  const lift = useLiftHold()
  const [reason, setReason] = useState('')
  const [open, setOpen] = useState(false)
  return (
    <Stack gap="xs" data-testid="fraud-hold">
      <Group justify="space-between" align="flex-start">
        <div>
          <Text fw={500}>
            {t('fraud.holds.recruiter', { id: hold.recruiter_name || hold.recruiter_id.slice(-8) })} ·{' '}
            {hold.daily_limit === null
              ? t('fraud.holds.noSubmissions')
              : t('fraud.holds.limited', { count: hold.daily_limit })}
          </Text>
          <Text size="sm" c="dimmed" lineClamp={2}>
            {hold.reason}
          </Text>
          <Text size="xs" c="dimmed">
            {t('fraud.holds.since', { at: formatDateTime(hold.placed_at, i18n.language) })} ·{' '}
            <Anchor component={Link} to={`/admin/fraud/${hold.signal_id}`} size="xs">
              {t('fraud.holds.signal')}
            </Anchor>
          </Text>
        </div>
        {!open && (
          <Button variant="light" onClick={() => setOpen(true)}>
            {t('fraud.holds.lift')}
          </Button>
        )}
      </Group>
      {open && (
        <Group align="flex-end">
          <Textarea
            flex={1}
            label={t('fraud.holds.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
            maxLength={2000}
            error={lift.isError ? errorMessage(lift.error, t) : undefined}
          />
          <Button
            disabled={reason.trim().length < 3}
            loading={lift.isPending}
            onClick={() =>
              lift.mutate(
                { recruiterId: hold.recruiter_id, reason: reason.trim() },
                { onSuccess: () => notifications.show({ color: 'teal', message: t('fraud.holds.lifted') }) },
              )
            }
          >
            {t('fraud.holds.confirmLift')}
          </Button>
        </Group>
      )}
    </Stack>
  )
}
