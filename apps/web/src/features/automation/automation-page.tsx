import '@mantine/charts/styles.css'
import { BarChart } from '@mantine/charts'
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Code,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core'
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client'
import { usePageTitle } from '../../app/use-page-title'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { QueryError } from '../../components/query-error'
import { SectionCard } from '../../components/section-card'
import { formatDateTime } from '../../lib/format'
import { formatAmount } from '../../lib/money'
import {
  type Catalog,
  type Draft,
  type DryRun,
  type Execution,
  type ExecutionState,
  useCatalog,
  useCreateRule,
  useDecide,
  useDryRunDraft,
  useDryRunRule,
  useExecutions,
  useMetrics,
  useResetBreaker,
  useRules,
  useRunRule,
  useSetActive,
} from './automation-api'

const problem = (e: unknown) => (e instanceof ApiError ? `${e.detail || e.message} (${e.code})` : String(e))

/** /admin/automation: rules and their builder, the approval queue, history and metrics. */
export function AutomationPage() {
  const { t } = useTranslation()
  usePageTitle(t('automation.title'))
  const catalog = useCatalog()
  const [tab, setTab] = useState<string | null>('rules')
  return (
    <>
      <PageHeader title={t('automation.title')} description={t('automation.description')} />
      <Breaker />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="rules">{t('automation.tabs.rules')}</Tabs.Tab>
          <Tabs.Tab value="builder">{t('automation.tabs.builder')}</Tabs.Tab>
          <Tabs.Tab value="queue">{t('automation.tabs.queue')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('automation.tabs.history')}</Tabs.Tab>
          <Tabs.Tab value="metrics">{t('automation.tabs.metrics')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="rules">
          <RulesList />
        </Tabs.Panel>
        <Tabs.Panel value="builder">
          {catalog.isPending && <LoadingState />}
          {catalog.isError && (
            <QueryError error={catalog.error} signInTitle={t('admin.signInRequired.title')} />
          )}
          {catalog.data && <RuleBuilder catalog={catalog.data} onSaved={() => setTab('rules')} />}
        </Tabs.Panel>
        <Tabs.Panel value="queue">
          <Stack gap="lg">
            <ExecutionsTable state="pending" />
            <ExecutionsTable state="approved" />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <ExecutionsTable state={null} />
        </Tabs.Panel>
        <Tabs.Panel value="metrics">
          <MetricsPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  )
}

function Breaker() {
  const { t } = useTranslation()
  const metrics = useMetrics()
  const reset = useResetBreaker()
  const b = metrics.data?.breaker
  if (!b?.paused) return null
  return (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} mb="lg" title={t('automation.breaker.title')}>
      <Group justify="space-between">
        <Text size="sm">{t('automation.breaker.body', { reason: b.reason ?? '' })}</Text>
        <Button
          size="xs"
          color="red"
          loading={reset.isPending}
          onClick={() => reset.mutate(t('automation.breaker.resetReason'))}
        >
          {t('automation.breaker.reset')}
        </Button>
      </Group>
    </Alert>
  )
}

function RulesList() {
  const { t } = useTranslation()
  const rules = useRules()
  const setActive = useSetActive()
  const dry = useDryRunRule()
  const run = useRunRule()
  const [dryOf, setDryOf] = useState<{ id: string; result: DryRun } | null>(null)
  if (rules.isPending) return <LoadingState />
  if (rules.isError) return <QueryError error={rules.error} signInTitle={t('admin.signInRequired.title')} />
  return (
    <SectionCard title={t('automation.rules.title')}>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm" aria-label={t('automation.rules.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('automation.rules.name')}</Table.Th>
              <Table.Th>{t('automation.rules.summary')}</Table.Th>
              <Table.Th>{t('automation.rules.state')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rules.data.data.map((r) => (
              <Table.Tr key={r.id} data-rule={r.name}>
                <Table.Td fw={600}>{r.name}</Table.Td>
                <Table.Td>
                  <Text size="sm">{r.summary}</Text>
                  {dryOf?.id === r.id && <DryRunResult result={dryOf.result} />}
                </Table.Td>
                <Table.Td>
                  <Badge color={r.active ? 'teal' : 'gray'}>
                    {r.active ? t('automation.rules.active') : t('automation.rules.inactive')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      size="xs"
                      variant="default"
                      loading={dry.isPending && dry.variables === r.id}
                      onClick={() =>
                        dry.mutate(r.id, { onSuccess: (result) => setDryOf({ id: r.id, result }) })
                      }
                    >
                      {t('automation.rules.dryRun')}
                    </Button>
                    {r.active && r.trigger.kind === 'schedule' && (
                      <Button
                        size="xs"
                        variant="default"
                        loading={run.isPending && run.variables === r.id}
                        onClick={() => run.mutate(r.id)}
                      >
                        {t('automation.rules.runNow')}
                      </Button>
                    )}
                    <Button
                      size="xs"
                      variant={r.active ? 'default' : 'filled'}
                      onClick={() => setActive.mutate({ id: r.id, active: !r.active })}
                    >
                      {r.active ? t('automation.rules.deactivate') : t('automation.rules.activate')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </SectionCard>
  )
}

function DryRunResult({ result }: { result: DryRun }) {
  const { t, i18n } = useTranslation()
  return (
    <Alert color="blue" mt="xs" p="xs" aria-label={t('automation.dry.title')}>
      <Text size="sm" fw={600}>
        {/* a schedule's dry run reads the rows due now; an event rule's replays the last 30 days */}
        {t(result.window.from === result.window.to ? 'automation.dry.countsNow' : 'automation.dry.counts', {
          evaluated: result.evaluated,
          matched: result.matched,
          act: result.would_act,
          throttled: result.throttled,
        })}
      </Text>
      {result.sample.slice(0, 3).map((s) => (
        <Text key={`${s.trigger_id}${s.subject_id}`} size="xs" c="dimmed">
          {s.subject_type} {s.subject_id.slice(0, 8)} · {formatDateTime(s.at, i18n.language)}
        </Text>
      ))}
    </Alert>
  )
}

type Row = { field: string | null; op: string | null; value: string }

function RuleBuilder({ catalog, onSaved }: { catalog: Catalog; onSaved: () => void }) {
  const { t } = useTranslation()
  const [name, setName] = useState('')
  const [triggerKey, setTriggerKey] = useState<string | null>(null)
  const [schedule, setSchedule] = useState<'hourly' | 'daily'>('daily')
  const [mode, setMode] = useState<'all' | 'any'>('all')
  const [rows, setRows] = useState<Row[]>([{ field: null, op: null, value: '' }])
  const [actionType, setActionType] = useState<string | null>(null)
  const [params, setParams] = useState<Record<string, string>>({})
  const [approval, setApproval] = useState(true)
  const [perHour, setPerHour] = useState<number>(20)
  const [perDay, setPerDay] = useState<number>(200)
  const dry = useDryRunDraft()
  const create = useCreateRule()
  const trigger = catalog.triggers.find((x) => `${x.kind}:${x.key}` === triggerKey)
  const actions = catalog.actions.filter(
    (a) => trigger && a.needs.every((n) => trigger.fields.some((f) => f.path === n)),
  )
  const action = catalog.actions.find((a) => a.type === actionType)

  const useTemplate = (key: string | null) => {
    const tpl = catalog.templates.find((x) => x.key === key)
    if (!tpl) return
    setName(tpl.name)
    setTriggerKey(`${tpl.trigger.kind}:${tpl.trigger.key}`)
    if (tpl.trigger.schedule) setSchedule(tpl.trigger.schedule)
    const cond = tpl.conditions as {
      all?: { field: string; op: string; value?: unknown }[]
      any?: { field: string; op: string; value?: unknown }[]
    }
    setMode(cond.any ? 'any' : 'all')
    setRows(
      (cond.all ?? cond.any ?? []).map((c) => ({
        field: c.field,
        op: c.op,
        value: c.value === undefined ? '' : String(c.value),
      })),
    )
    setActionType(tpl.action.type)
    setParams(Object.fromEntries(Object.entries(tpl.action.params).map(([k, v]) => [k, String(v)])))
  }

  const leafValue = (r: Row) => {
    const f = trigger?.fields.find((x) => x.path === r.field)
    const one = (v: string) => (f?.type === 'number' ? Number(v) : f?.type === 'boolean' ? v === 'true' : v)
    if (r.op === 'exists') return undefined
    if (r.op === 'in' || r.op === 'not_in') return r.value.split(',').map((v) => one(v.trim()))
    return one(r.value)
  }
  const draft = (): Draft | null => {
    if (!trigger || !action) return null
    const leaves = rows
      .filter((r) => r.field && r.op)
      .map((r) => {
        const value = leafValue(r)
        return {
          field: r.field!,
          op: r.op as 'eq',
          ...(value === undefined ? {} : { value: value as string }),
        }
      })
    return {
      name: name || t('automation.builder.untitled'),
      trigger: { kind: trigger.kind, key: trigger.key, ...(trigger.kind === 'schedule' ? { schedule } : {}) },
      conditions: (mode === 'all' ? { all: leaves } : { any: leaves }) as Draft['conditions'],
      action: {
        type: action.type,
        params: Object.fromEntries(Object.entries(params).filter(([, v]) => v !== '')),
      },
      requires_approval: approval,
      max_per_hour: perHour,
      max_per_day: perDay,
    } as Draft
  }
  const d = draft()

  return (
    <SectionCard title={t('automation.builder.title')}>
      <Stack gap="md" maw={860}>
        <Select
          label={t('automation.builder.template')}
          placeholder={t('automation.builder.templatePlaceholder')}
          data={catalog.templates.map((x) => ({ value: x.key, label: x.name }))}
          onChange={useTemplate}
          clearable
        />
        <TextInput
          label={t('automation.builder.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          required
        />
        <Group grow align="end">
          <Select
            label={t('automation.builder.trigger')}
            data={catalog.triggers.map((x) => ({
              value: `${x.kind}:${x.key}`,
              label:
                x.kind === 'event'
                  ? `${t('automation.builder.event')}: ${x.key}`
                  : `${t('automation.builder.schedule')}: ${x.label}`,
            }))}
            value={triggerKey}
            onChange={(v) => {
              setTriggerKey(v)
              setRows([{ field: null, op: null, value: '' }])
              setActionType(null)
            }}
            searchable
          />
          {trigger?.kind === 'schedule' && (
            <SegmentedControl
              value={schedule}
              onChange={(v) => setSchedule(v as 'hourly' | 'daily')}
              data={[
                { value: 'hourly', label: t('automation.builder.hourly') },
                { value: 'daily', label: t('automation.builder.daily') },
              ]}
            />
          )}
        </Group>
        {trigger && (
          <Stack gap="xs">
            <Group>
              <Text fw={600} size="sm">
                {t('automation.builder.conditions')}
              </Text>
              <SegmentedControl
                size="xs"
                value={mode}
                onChange={(v) => setMode(v as 'all' | 'any')}
                data={[
                  { value: 'all', label: t('automation.builder.all') },
                  { value: 'any', label: t('automation.builder.any') },
                ]}
              />
            </Group>
            {rows.map((r, i) => {
              const f = trigger.fields.find((x) => x.path === r.field)
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own
                <Group key={i} gap="xs" align="end" wrap="nowrap">
                  <Select
                    aria-label={t('automation.builder.field')}
                    placeholder={t('automation.builder.field')}
                    data={trigger.fields.map((x) => x.path)}
                    value={r.field}
                    onChange={(v) => setRows(rows.map((x, j) => (j === i ? { ...x, field: v } : x)))}
                    searchable
                    w={240}
                  />
                  <Select
                    aria-label={t('automation.builder.operator')}
                    placeholder={t('automation.builder.operator')}
                    data={catalog.operators.map((o) => ({ value: o, label: t(`automation.ops.${o}`) }))}
                    value={r.op}
                    onChange={(v) => setRows(rows.map((x, j) => (j === i ? { ...x, op: v } : x)))}
                    w={170}
                  />
                  {f?.values ? (
                    <Select
                      aria-label={t('automation.builder.value')}
                      data={[...f.values]}
                      value={r.value || null}
                      onChange={(v) => setRows(rows.map((x, j) => (j === i ? { ...x, value: v ?? '' } : x)))}
                      w={200}
                    />
                  ) : (
                    <TextInput
                      aria-label={t('automation.builder.value')}
                      placeholder={f ? f.type : t('automation.builder.value')}
                      value={r.value}
                      onChange={(e) => {
                        const value = e.currentTarget.value
                        setRows(rows.map((x, j) => (j === i ? { ...x, value } : x)))
                      }}
                      w={200}
                    />
                  )}
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={t('automation.builder.removeCondition')}
                    onClick={() => setRows(rows.filter((_, j) => j !== i))}
                  >
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              )
            })}
            <Button
              variant="subtle"
              size="xs"
              w="fit-content"
              leftSection={<IconPlus size={14} />}
              onClick={() => setRows([...rows, { field: null, op: null, value: '' }])}
            >
              {t('automation.builder.addCondition')}
            </Button>
          </Stack>
        )}
        {trigger && (
          <Group grow align="end">
            <Select
              label={t('automation.builder.action')}
              data={actions.map((a) => ({ value: a.type, label: a.label }))}
              value={actionType}
              onChange={(v) => {
                setActionType(v)
                setParams({})
              }}
            />
            {action?.params.map((p) =>
              p.values ? (
                <Select
                  key={p.name}
                  label={p.name}
                  data={[...p.values]}
                  value={params[p.name] ?? null}
                  onChange={(v) => setParams({ ...params, [p.name]: v ?? '' })}
                  clearable
                />
              ) : (
                <TextInput
                  key={p.name}
                  label={p.name}
                  value={params[p.name] ?? ''}
                  onChange={(e) => setParams({ ...params, [p.name]: e.currentTarget.value })}
                />
              ),
            )}
          </Group>
        )}
        <Group grow>
          <Switch
            label={t('automation.builder.approval')}
            checked={approval}
            onChange={(e) => setApproval(e.currentTarget.checked)}
          />
          <NumberInput
            label={t('automation.builder.perHour')}
            min={1}
            value={perHour}
            onChange={(v) => setPerHour(Number(v) || 1)}
          />
          <NumberInput
            label={t('automation.builder.perDay')}
            min={1}
            value={perDay}
            onChange={(v) => setPerDay(Number(v) || 1)}
          />
        </Group>
        {dry.isError && <Alert color="red">{problem(dry.error)}</Alert>}
        {create.isError && <Alert color="red">{problem(create.error)}</Alert>}
        {dry.data && (
          <Alert color="gray" title={t('automation.builder.summary')}>
            <Text size="sm" data-testid="rule-summary">
              {dry.data.summary}
            </Text>
            <DryRunResult result={dry.data} />
          </Alert>
        )}
        <Group>
          <Button variant="default" disabled={!d} loading={dry.isPending} onClick={() => d && dry.mutate(d)}>
            {t('automation.builder.preview')}
          </Button>
          <Button
            disabled={!d || !dry.data}
            loading={create.isPending}
            onClick={() => d && create.mutate(d, { onSuccess: onSaved })}
          >
            {t('automation.builder.save')}
          </Button>
        </Group>
        {!dry.data && (
          <Text size="xs" c="dimmed">
            {t('automation.builder.previewFirst')}
          </Text>
        )}
      </Stack>
    </SectionCard>
  )
}

const STATE_COLOR: Record<string, string> = {
  pending: 'yellow',
  approved: 'blue',
  executed: 'teal',
  rejected: 'gray',
  failed: 'red',
  undone: 'violet',
}

const UNDO_NOTES = [
  'advance_application',
  'notify_recruiter',
  'remind_hiring_managers',
  'release_guarantee_hold',
] as const

/** After the undo of a hold release: the money held again (what billing answered), if any. */
function heldAgain(e: Execution): { amount: string; currency: string } | null {
  const undo = (e.result as { undo?: Record<string, unknown> } | null)?.undo
  if (undo?.hold_status !== 'active' || typeof undo.held_again !== 'string') return null
  return { amount: undo.held_again, currency: String(undo.currency ?? 'USD') }
}

function ExecutionsTable({ state }: { state: ExecutionState | null }) {
  const { t, i18n } = useTranslation()
  const list = useExecutions(state)
  const decide = useDecide()
  /** How the action is undone, or why it cannot be (in the reader's language; else the server's words). */
  const catalog = useCatalog()
  const undoNote = (e: Execution) => {
    const reversible = catalog.data?.actions.find((a) => a.type === e.action_type)?.undoable
    // a reversible kind of action, executed without its undo recorded (e.g. imported history)
    if (reversible && !e.undoable) return t('automation.executions.noUndoRecorded')
    const known = UNDO_NOTES.find((a) => a === e.action_type)
    return known ? t(`automation.undo.${known}`) : (e.undo_note ?? '')
  }
  const [reasonFor, setReasonFor] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  if (list.isPending) return <LoadingState />
  if (list.isError) return <QueryError error={list.error} signInTitle={t('admin.signInRequired.title')} />
  const title =
    state === 'pending'
      ? t('automation.tabs.queue')
      : state === 'approved'
        ? t('automation.executions.queuedTitle')
        : t('automation.tabs.history')
  const act = (e: Execution, verb: 'approve' | 'retry' | 'undo') => decide.mutate({ id: e.id, verb })
  return (
    <SectionCard title={title}>
      {state === 'approved' && (
        <Text size="sm" c="dimmed" mb="sm">
          {t('automation.executions.queuedHint')}
        </Text>
      )}
      {decide.isError && (
        <Alert color="red" mb="sm">
          {problem(decide.error)}
        </Alert>
      )}
      {decide.isSuccess && decide.data.state === 'approved' && (
        <Alert color="blue" mb="sm" data-testid="automation-queued">
          {t('automation.executions.queued')}
        </Alert>
      )}
      {list.data.data.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('automation.executions.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm" aria-label={title}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('automation.executions.rule')}</Table.Th>
                <Table.Th>{t('automation.executions.subject')}</Table.Th>
                <Table.Th>{t('automation.executions.state')}</Table.Th>
                <Table.Th>{t('automation.executions.when')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.data.map((e) => (
                <Table.Tr key={e.id} data-execution={e.id}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {e.rule_name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {e.action_type}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Code>
                      {e.subject_type} {e.subject_id.slice(0, 8)}
                    </Code>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={STATE_COLOR[e.state] ?? 'gray'}>{t(`automation.states.${e.state}`)}</Badge>
                    {e.state === 'approved' && e.decided_at && (
                      <Text size="xs" c="dimmed">
                        {t('automation.executions.approvedBy', {
                          when: formatDateTime(e.decided_at, i18n.language),
                        })}
                      </Text>
                    )}
                    {e.paused && (
                      <Badge color="orange" variant="light" mt={4} maw={260} data-testid="execution-paused">
                        {t('automation.executions.paused')}
                      </Badge>
                    )}
                    {(e.reason || e.error) && !e.paused && (
                      <Text size="xs" c="dimmed">
                        {e.state === 'failed' || e.error ? (e.error ?? e.reason) : e.reason}
                      </Text>
                    )}
                    {e.state === 'undone' && heldAgain(e) && (
                      <Text size="xs" c="violet" fw={600} data-testid="held-again">
                        {t('automation.executions.heldAgain', {
                          amount: formatAmount(
                            heldAgain(e)!.amount,
                            heldAgain(e)!.currency,
                            i18n.language,
                            false,
                          ),
                        })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDateTime(e.created_at, i18n.language)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {e.state === 'pending' && reasonFor !== e.id && (
                        <>
                          <Button
                            size="xs"
                            color="teal"
                            onClick={() => act(e, 'approve')}
                            loading={decide.isPending && decide.variables?.id === e.id}
                          >
                            {t('automation.executions.approve')}
                          </Button>
                          <Button size="xs" variant="default" onClick={() => setReasonFor(e.id)}>
                            {t('automation.executions.reject')}
                          </Button>
                        </>
                      )}
                      {e.state === 'pending' && reasonFor === e.id && (
                        <>
                          <TextInput
                            size="xs"
                            aria-label={t('automation.executions.reason')}
                            placeholder={t('automation.executions.reason')}
                            value={reason}
                            onChange={(ev) => setReason(ev.currentTarget.value)}
                          />
                          <Button
                            size="xs"
                            color="red"
                            disabled={!reason.trim()}
                            onClick={() =>
                              decide.mutate(
                                { id: e.id, verb: 'reject', reason },
                                {
                                  onSuccess: () => {
                                    setReasonFor(null)
                                    setReason('')
                                  },
                                },
                              )
                            }
                          >
                            {t('automation.executions.confirmReject')}
                          </Button>
                        </>
                      )}
                      {e.state === 'failed' && (
                        <Button size="xs" variant="default" onClick={() => act(e, 'retry')}>
                          {t('automation.executions.retry')}
                        </Button>
                      )}
                      {e.undoable && (
                        <Tooltip label={undoNote(e)} multiline w={280} withArrow>
                          <Button size="xs" variant="default" onClick={() => act(e, 'undo')}>
                            {t('automation.executions.undo')}
                          </Button>
                        </Tooltip>
                      )}
                      {e.state === 'executed' && !e.undoable && (
                        <Text size="xs" c="dimmed" maw={260} data-testid="not-undoable">
                          <Text span size="xs" fw={600}>
                            {t('automation.executions.notUndoable')}:
                          </Text>{' '}
                          {undoNote(e)}
                        </Text>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </SectionCard>
  )
}

function MetricsPanel() {
  const { t } = useTranslation()
  const m = useMetrics()
  if (m.isPending) return <LoadingState />
  if (m.isError) return <QueryError error={m.error} signInTitle={t('admin.signInRequired.title')} />
  const data = m.data.data.map((r) => ({
    rule: r.name.length > 28 ? `${r.name.slice(0, 27)}…` : r.name,
    executed: r.executed,
    rejected: r.rejected,
    failed: r.failed,
    pending: r.pending,
    minutes: r.minutes_saved,
  }))
  return (
    <Stack gap="xl">
      <SectionCard title={t('automation.metrics.outcomes')}>
        <BarChart
          h={260}
          data={data}
          dataKey="rule"
          type="stacked"
          series={[
            { name: 'executed', label: t('automation.states.executed'), color: 'teal.6' },
            { name: 'pending', label: t('automation.states.pending'), color: 'yellow.5' },
            { name: 'rejected', label: t('automation.states.rejected'), color: 'gray.5' },
            { name: 'failed', label: t('automation.states.failed'), color: 'red.6' },
          ]}
          withLegend
          gridAxis="y"
          xAxisProps={{ interval: 0, fontSize: 11 }}
        />
      </SectionCard>
      <SectionCard title={t('automation.metrics.saved')}>
        <BarChart
          h={200}
          data={data}
          dataKey="rule"
          series={[{ name: 'minutes', label: t('automation.metrics.minutes'), color: 'blue.6' }]}
          gridAxis="y"
          xAxisProps={{ interval: 0, fontSize: 11 }}
        />
        <Table mt="md" fz="sm" aria-label={t('automation.metrics.table')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('automation.executions.rule')}</Table.Th>
              <Table.Th>{t('automation.metrics.fired')}</Table.Th>
              <Table.Th>{t('automation.metrics.approved')}</Table.Th>
              <Table.Th>{t('automation.states.rejected')}</Table.Th>
              <Table.Th>{t('automation.states.failed')}</Table.Th>
              <Table.Th>{t('automation.metrics.throttled')}</Table.Th>
              <Table.Th>{t('automation.metrics.minutes')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {m.data.data.map((r) => (
              <Table.Tr key={r.rule_id}>
                <Table.Td>{r.name}</Table.Td>
                <Table.Td>{r.fired}</Table.Td>
                <Table.Td>{r.approved}</Table.Td>
                <Table.Td>{r.rejected}</Table.Td>
                <Table.Td>{r.failed}</Table.Td>
                <Table.Td>{r.throttled}</Table.Td>
                <Table.Td>{r.minutes_saved}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </SectionCard>
    </Stack>
  )
}
