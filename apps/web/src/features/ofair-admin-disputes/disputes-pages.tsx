import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { api } from '../../api/client'
import { unwrap } from '../../api/use-api'
import { usePageTitle } from '../../app/use-page-title'
import { BackLink } from '../../components/back-link'
import { EmptyState } from '../../components/empty-state'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { shekels } from '../ofair-leads/ofair-api'
import { formatShekels } from '../ofair-leads/ofair-format'

const dateTime = new Intl.DateTimeFormat('he-IL', {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: 'Asia/Jerusalem',
})
const DAY = 86_400_000

/** /ofair/admin/disputes: the queue, oldest open dispute first, with its age. */
export function AdminDisputesPage() {
  const { t } = useTranslation()
  usePageTitle(t('ofairAdmin.disputes.title'))
  const [status, setStatus] = useState<'open' | 'resolved'>('open')
  const disputes = useQuery({
    queryKey: ['ofair', 'admin', 'disputes', status],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/ofair/admin/disputes', { params: { query: { status } }, signal })),
  })
  return (
    <>
      <PageHeader title={t('ofairAdmin.disputes.title')} description={t('ofairAdmin.disputes.description')} />
      <Stack gap="md">
        <SegmentedControl
          w="fit-content"
          value={status}
          onChange={(v) => setStatus(v as 'open' | 'resolved')}
          data={[
            { value: 'open', label: t('ofairAdmin.disputes.open') },
            { value: 'resolved', label: t('ofairAdmin.disputes.resolved') },
          ]}
        />
        {disputes.isPending && <LoadingState />}
        {disputes.isError && <ErrorAlert error={disputes.error} />}
        {disputes.data?.data.length === 0 && <EmptyState title={t('ofairAdmin.disputes.none')} />}
        {disputes.data?.data.map((d) => (
          <Card key={d.id} withBorder radius="md" padding="sm" data-testid="dispute-row">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Stack gap={2} style={{ minWidth: 0, flex: '1 1 220px' }}>
                <Anchor component={Link} to={`/ofair/admin/disputes/${d.id}`} fw={600}>
                  {d.lead_title}
                </Anchor>
                <Text size="sm" lineClamp={2}>
                  {d.reason}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`ofairAdmin.disputes.sides.${d.opened_by_role}` as 'ofairAdmin.disputes.sides.owner')} ·{' '}
                  {formatShekels(d.final_amount.amount)}
                </Text>
              </Stack>
              <Group gap={6}>
                {d.status === 'open' ? (
                  <Badge color="orange" variant="light">
                    {t('ofairAdmin.disputes.age', {
                      count: Math.floor((Date.now() - new Date(d.created_at).getTime()) / DAY),
                    })}
                  </Badge>
                ) : (
                  <Badge color="gray" variant="light">
                    {t(`ofairAdmin.disputes.outcomes.${d.outcome}` as 'ofairAdmin.disputes.outcomes.release')}
                  </Badge>
                )}
                <Button size="xs" component={Link} to={`/ofair/admin/disputes/${d.id}`}>
                  {t('ofairAdmin.disputes.openDispute')}
                </Button>
              </Group>
            </Group>
          </Card>
        ))}
      </Stack>
    </>
  )
}

/**
 * The lead's chats as typed (a thread per professional who proposed), from the chat module's admin
 * route; each read is logged there. Contact details appear as written: the admin is resolving a
 * dispute, and the reveal is in the PII log.
 */
function TranscriptPanel({ leadId }: { leadId: string }) {
  const { t } = useTranslation()
  const transcripts = useQuery({
    queryKey: ['ofair', 'admin', 'transcripts', leadId],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/ofair/admin/leads/{id}/transcripts', { params: { path: { id: leadId } }, signal }),
      ),
  })
  const threads = (transcripts.data?.data ?? []).filter((c) => c.messages.length > 0)
  return (
    <Card withBorder radius="md" padding="md" data-testid="transcript-panel">
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('ofairAdmin.disputes.transcript')}
        </Title>
        {transcripts.isPending ? (
          <LoadingState minHeight={40} />
        ) : transcripts.isError ? (
          <ErrorAlert error={transcripts.error} />
        ) : threads.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('ofairAdmin.disputes.noTranscript')}
          </Text>
        ) : (
          <>
            <Text size="xs" c="dimmed">
              {t('ofairAdmin.disputes.transcriptLogged')}
            </Text>
            {threads.map((c) => {
              const names = new Map(c.participants.map((p) => [p.user_id, p.display_name]))
              return (
                <Stack key={c.conversation_id} gap={6} data-testid="transcript-thread">
                  <Text size="sm" fw={600}>
                    {t('ofairAdmin.disputes.transcriptWith', { name: c.professional_name })}
                  </Text>
                  {c.messages.map((m) => (
                    <Stack key={m.id} gap={0}>
                      <Text size="xs" c="dimmed">
                        {names.get(m.sender_user_id) ?? ''} · {dateTime.format(new Date(m.created_at))}
                      </Text>
                      <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                        {m.text}
                      </Text>
                    </Stack>
                  ))}
                </Stack>
              )
            })}
          </>
        )}
      </Stack>
    </Card>
  )
}

/** /ofair/admin/disputes/:id: the job, the amounts, both sides, the conversation, and the decision. */
export function AdminDisputePage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  usePageTitle(t('ofairAdmin.disputes.title'))
  const queryClient = useQueryClient()
  const [outcome, setOutcome] = useState<'release' | 'partial' | 'refund'>('release')
  const [amount, setAmount] = useState<number | string>('')
  const [note, setNote] = useState('')
  const dispute = useQuery({
    queryKey: ['ofair', 'admin', 'dispute', id],
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/ofair/admin/disputes/{id}', { params: { path: { id } }, signal })),
  })
  const resolve = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/ofair/admin/resolve-dispute/{id}', {
          params: { path: { id } },
          body: {
            outcome,
            note: note.trim(),
            ...(outcome === 'partial' ? { amount: shekels(Number(amount)) } : {}),
          },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['ofair'] }),
  })
  if (dispute.isPending) return <LoadingState />
  if (dispute.isError) return <ErrorAlert error={dispute.error} />
  const d = dispute.data
  const p = d.payment
  return (
    <>
      <BackLink to="/ofair/admin/disputes" label={t('ofairAdmin.disputes.back')} />
      <PageHeader title={d.lead.title} description={`${d.lead.category} · ${d.lead.locality}`} />
      <Stack gap="md">
        <Group gap="xs">
          {d.status === 'open' ? (
            <Badge color="orange">{t('ofairAdmin.disputes.age', { count: d.age_days })}</Badge>
          ) : (
            <Badge color="gray" data-testid="dispute-resolved">
              {t('ofairAdmin.disputes.resolvedAs', {
                outcome: t(
                  `ofairAdmin.disputes.outcomes.${d.outcome}` as 'ofairAdmin.disputes.outcomes.release',
                ),
              })}
            </Badge>
          )}
          <Anchor component={Link} to={`/ofair/leads/${d.lead.id}`} size="sm">
            {t('ofairAdmin.disputes.job')}
          </Anchor>
        </Group>
        {d.resolution_note && (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {t('ofairAdmin.disputes.note')}: {d.resolution_note}
            {d.refund_amount
              ? ` · ${t('ofairAdmin.disputes.refundAmount')}: ${formatShekels(d.refund_amount.amount)}`
              : ''}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Card withBorder radius="md" padding="md">
            <Title order={3} size="h5" mb="xs">
              {t('ofairAdmin.disputes.amounts')}
            </Title>
            <Stack gap={4}>
              {(
                [
                  ['finalAmount', p.final_amount.amount],
                  ['commission', p.platform_commission?.amount],
                  ['referrerFee', p.referrer_fee.amount],
                  ['net', p.professional_net_amount?.amount],
                ] as const
              ).map(([k, v]) => (
                <Group key={k} justify="space-between">
                  <Text size="sm">{t(`ofairAdmin.disputes.${k}`)}</Text>
                  <Text size="sm" fw={600}>
                    {formatShekels(v ?? null)}
                  </Text>
                </Group>
              ))}
            </Stack>
          </Card>
          <Card withBorder radius="md" padding="md">
            <Title order={3} size="h5" mb="xs">
              {t('ofairAdmin.disputes.statements')}
            </Title>
            <Stack gap="sm">
              {d.statements.map((s) => (
                <Stack key={s.side} gap={2}>
                  <Text size="xs" c="dimmed">
                    {t(`ofairAdmin.disputes.sides.${s.side}`)} · {s.author}
                    {s.at ? ` · ${dateTime.format(new Date(s.at))}` : ''}
                  </Text>
                  <Text size="sm" c={s.text ? undefined : 'dimmed'} style={{ overflowWrap: 'anywhere' }}>
                    {s.text ?? t('ofairAdmin.disputes.noStatement')}
                  </Text>
                </Stack>
              ))}
            </Stack>
          </Card>
        </SimpleGrid>
        <TranscriptPanel leadId={d.lead.id} />
        {d.status === 'open' && (
          <Card withBorder radius="md" padding="md">
            <Stack>
              <Title order={3} size="h5">
                {t('ofairAdmin.disputes.resolve')}
              </Title>
              <SegmentedControl
                value={outcome}
                onChange={(v) => setOutcome(v as typeof outcome)}
                data={(['release', 'partial', 'refund'] as const).map((o) => ({
                  value: o,
                  label: t(`ofairAdmin.disputes.outcomes.${o}`),
                }))}
              />
              {outcome === 'partial' && (
                <NumberInput
                  label={t('ofairAdmin.disputes.refundAmount')}
                  min={1}
                  thousandSeparator=","
                  suffix=" ₪"
                  value={amount}
                  onChange={setAmount}
                />
              )}
              <Textarea
                label={t('ofairAdmin.disputes.note')}
                required
                minRows={2}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
              />
              {resolve.isError && <ErrorAlert error={resolve.error} />}
              <Group justify="flex-end">
                <Button disabled={!note.trim()} loading={resolve.isPending} onClick={() => resolve.mutate()}>
                  {t('ofairAdmin.disputes.resolve')}
                </Button>
              </Group>
            </Stack>
          </Card>
        )}
      </Stack>
    </>
  )
}
