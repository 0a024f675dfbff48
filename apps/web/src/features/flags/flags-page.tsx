import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  Slider,
  Stack,
  Switch,
  Table,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import { IconHistory, IconPlus, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, errorMessage, isAuthError } from '../../api/client'
import { usePageTitle } from '../../app/use-page-title'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { SectionCard } from '../../components/section-card'
import { SignInRequiredAlert } from '../../components/sign-in-required-alert'
import { type Flag, useFlagHistory, useFlags, useSaveFlag } from './flags-api'
import { useFeatureFlag } from './use-feature-flag'

const ATTRIBUTES = ['role', 'organization_id', 'plan_tier', 'marketplace', 'user_id'] as const
const FLAG_CODES = new Set([
  'flag_key_taken',
  'flag_version_stale',
  'flag_unknown_targeting_key',
  'flag_invalid_percentage',
  'flag_invalid_rule',
  'flag_invalid_variants',
])

interface RuleDraft {
  attribute: string
  values: string[]
  variant: string
  percentage: number | ''
}

interface Draft {
  key: string
  kind: 'boolean' | 'variant'
  description: string
  enabled: boolean
  client_visible: boolean
  percentage: number
  variantsJson: string
  default_variant: string
  rollout_variant: string
  rules: RuleDraft[]
  reason: string
}

const emptyDraft: Draft = {
  key: '',
  kind: 'boolean',
  description: '',
  enabled: true,
  client_visible: false,
  percentage: 0,
  variantsJson: '{"control": "a", "treatment": "b"}',
  default_variant: 'off',
  rollout_variant: 'on',
  rules: [],
  reason: '',
}

function draftOf(flag: Flag): Draft {
  return {
    key: flag.key,
    kind: flag.kind,
    description: flag.description,
    enabled: flag.enabled,
    client_visible: flag.client_visible,
    percentage: flag.percentage,
    variantsJson: JSON.stringify(flag.variants),
    default_variant: flag.default_variant,
    rollout_variant: flag.rollout_variant,
    rules: flag.rules.map((r) => ({ ...r, percentage: r.percentage ?? '' })),
    reason: '',
  }
}

/** /admin/flags: every feature flag, its state and rollout; create, edit (rules, percentage, kill switch), history. */
export function FlagsPage() {
  const { t } = useTranslation()
  usePageTitle(t('admin.flags.pageTitle'))
  const flags = useFlags()
  const [editing, setEditing] = useState<Flag | 'new' | null>(null)
  const [historyOf, setHistoryOf] = useState<string | null>(null)
  // the history panel is itself rolled out behind a flag (admins first)
  const showHistory = useFeatureFlag('flags.change_history')
  const authError = isAuthError(flags.error) ? flags.error : undefined

  return (
    <>
      <PageHeader
        title={t('admin.flags.title')}
        description={t('admin.flags.description')}
        actions={
          authError ? undefined : (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
              {t('admin.flags.create')}
            </Button>
          )
        }
      />
      {authError && <SignInRequiredAlert error={authError} title={t('admin.signInRequired.title')} />}
      {flags.isPending && <LoadingState />}
      {flags.isError && !authError && <ErrorAlert error={flags.error} onRetry={() => flags.refetch()} />}
      {flags.isSuccess && (
        <Stack gap="xl">
          <SectionCard title={t('admin.flags.listTitle')}>
            <Table.ScrollContainer minWidth={720}>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('admin.flags.columns.key')}</Table.Th>
                    <Table.Th>{t('admin.flags.columns.state')}</Table.Th>
                    <Table.Th>{t('admin.flags.columns.rollout')}</Table.Th>
                    <Table.Th>{t('admin.flags.columns.rules')}</Table.Th>
                    <Table.Th>{t('admin.flags.columns.version')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {flags.data.data.map((f) => (
                    <Table.Tr key={f.key} data-testid={`flag-${f.key}`}>
                      <Table.Td>
                        <Text fw={600} ff="monospace" size="sm" dir="ltr">
                          {f.key}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {f.description}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          <Badge color={f.enabled ? 'green' : 'red'}>
                            {f.enabled ? t('admin.flags.on') : t('admin.flags.killed')}
                          </Badge>
                          {f.kind === 'variant' && <Badge variant="light">{t('admin.flags.variant')}</Badge>}
                          {f.client_visible && (
                            <Badge variant="outline">{t('admin.flags.clientVisible')}</Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        {t(f.rules.length ? 'admin.flags.percentOf' : 'admin.flags.percentOfAll', {
                          percentage: f.percentage,
                        })}
                      </Table.Td>
                      <Table.Td>{f.rules.length}</Table.Td>
                      <Table.Td>{f.version}</Table.Td>
                      <Table.Td>
                        <Group gap="xs" justify="flex-end" wrap="nowrap">
                          <Button size="xs" variant="default" onClick={() => setEditing(f)}>
                            {t('admin.flags.edit')}
                          </Button>
                          {showHistory && (
                            <ActionIcon
                              variant="subtle"
                              aria-label={t('admin.flags.history')}
                              onClick={() => setHistoryOf(f.key)}
                            >
                              <IconHistory size={18} />
                            </ActionIcon>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </SectionCard>
          {showHistory && historyOf && <HistorySection flagKey={historyOf} />}
        </Stack>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('admin.flags.create') : t('admin.flags.editTitle')}
        size="lg"
      >
        {editing !== null && (
          <FlagForm
            key={editing === 'new' ? 'new' : `${editing.key}:${editing.version}`}
            flag={editing === 'new' ? null : editing}
            onDone={(key) => {
              setEditing(null)
              setHistoryOf(key)
            }}
          />
        )}
      </Modal>
    </>
  )
}

function FlagForm({ flag, onDone }: { flag: Flag | null; onDone: (key: string) => void }) {
  const { t } = useTranslation()
  const [d, setD] = useState<Draft>(flag ? draftOf(flag) : emptyDraft)
  const [localError, setLocalError] = useState<string | null>(null)
  const save = useSaveFlag()
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((prev) => ({ ...prev, [k]: v }))
  const setRule = (i: number, r: Partial<RuleDraft>) =>
    set(
      'rules',
      d.rules.map((x, j) => (j === i ? { ...x, ...r } : x)),
    )
  let variantNames = ['on', 'off']
  let variants: Record<string, unknown> | undefined
  if (d.kind === 'variant') {
    try {
      variants = JSON.parse(d.variantsJson)
      variantNames = Object.keys(variants ?? {})
    } catch {
      variantNames = []
    }
  }

  const submit = () => {
    setLocalError(null)
    if (d.kind === 'variant' && !variants) return setLocalError(t('admin.flags.form.badJson'))
    const common = {
      description: d.description,
      enabled: d.enabled,
      client_visible: d.client_visible,
      percentage: d.percentage,
      rules: d.rules.map((r) => ({
        attribute: r.attribute,
        values: r.values,
        variant: r.variant || undefined,
        ...(r.percentage === '' ? {} : { percentage: r.percentage }),
      })),
      ...(d.reason.trim() ? { reason: d.reason.trim() } : {}),
      ...(d.kind === 'variant'
        ? { variants, default_variant: d.default_variant, rollout_variant: d.rollout_variant }
        : {}),
    }
    save.mutate(
      flag
        ? { key: flag.key, update: { version: flag.version, ...common } }
        : { create: { key: d.key, kind: d.kind, ...common } },
      {
        onSuccess: (saved) => onDone(saved.key),
      },
    )
  }

  const err = save.error
  const message =
    err instanceof ApiError && FLAG_CODES.has(err.code)
      ? `${t(`admin.flags.errors.${err.code}` as 'admin.flags.errors.flag_key_taken')} ${err.detail}`
      : err
        ? errorMessage(err, t)
        : null

  return (
    <Stack gap="sm">
      {flag === null && (
        <>
          <TextInput
            label={t('admin.flags.form.key')}
            description={t('admin.flags.form.keyHint')}
            value={d.key}
            dir="ltr"
            required
            onChange={(e) => set('key', e.currentTarget.value)}
          />
          <SegmentedControl
            value={d.kind}
            onChange={(v) => {
              const kind = v as Draft['kind']
              setD((prev) => ({
                ...prev,
                kind,
                default_variant: kind === 'boolean' ? 'off' : 'control',
                rollout_variant: kind === 'boolean' ? 'on' : 'treatment',
              }))
            }}
            data={[
              { value: 'boolean', label: t('admin.flags.form.boolean') },
              { value: 'variant', label: t('admin.flags.form.variantKind') },
            ]}
          />
        </>
      )}
      <TextInput
        label={t('admin.flags.form.description')}
        value={d.description}
        onChange={(e) => set('description', e.currentTarget.value)}
      />
      <Group>
        <Switch
          label={t('admin.flags.form.enabled')}
          checked={d.enabled}
          onChange={(e) => set('enabled', e.currentTarget.checked)}
        />
        <Switch
          label={t('admin.flags.form.clientVisible')}
          checked={d.client_visible}
          onChange={(e) => set('client_visible', e.currentTarget.checked)}
        />
      </Group>
      {d.kind === 'variant' && (
        <>
          <Textarea
            label={t('admin.flags.form.variants')}
            dir="ltr"
            autosize
            value={d.variantsJson}
            onChange={(e) => set('variantsJson', e.currentTarget.value)}
          />
          <Group grow>
            <Select
              label={t('admin.flags.form.defaultVariant')}
              data={variantNames}
              value={d.default_variant}
              onChange={(v) => v && set('default_variant', v)}
            />
            <Select
              label={t('admin.flags.form.rolloutVariant')}
              data={variantNames}
              value={d.rollout_variant}
              onChange={(v) => v && set('rollout_variant', v)}
            />
          </Group>
        </>
      )}
      <div>
        <Text size="sm" fw={500}>
          {t('admin.flags.form.percentage', { percentage: d.percentage })}
        </Text>
        <Text size="xs" c="dimmed" mb={6}>
          {t('admin.flags.form.percentageHint')}
        </Text>
        <Slider
          thumbLabel={t('admin.flags.form.percentageLabel')}
          value={d.percentage}
          onChange={(v) => set('percentage', v)}
          min={0}
          max={100}
          step={1}
          marks={[{ value: 0 }, { value: 25 }, { value: 50 }, { value: 75 }, { value: 100 }]}
        />
      </div>
      <Text size="sm" fw={500} mt="sm">
        {t('admin.flags.form.rules')}
      </Text>
      {d.rules.length === 0 && (
        <Text size="xs" c="dimmed">
          {t('admin.flags.form.noRules')}
        </Text>
      )}
      {d.rules.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rules are edited in place, by position
        <Group key={i} align="flex-end" gap="xs" wrap="nowrap" data-testid={`rule-${i}`}>
          <Select
            label={t('admin.flags.form.attribute')}
            data={ATTRIBUTES.map((a) => ({ value: a, label: t(`admin.flags.attributes.${a}`) }))}
            value={r.attribute}
            onChange={(v) => v && setRule(i, { attribute: v })}
            w={150}
          />
          <TagsInput
            label={t('admin.flags.form.values')}
            value={r.values}
            onChange={(v) => setRule(i, { values: v })}
            style={{ flex: 1 }}
          />
          <Select
            label={t('admin.flags.form.serve')}
            data={variantNames}
            value={r.variant || null}
            onChange={(v) => setRule(i, { variant: v ?? '' })}
            w={110}
          />
          <NumberInput
            label="%"
            min={0}
            max={100}
            value={r.percentage}
            onChange={(v) => setRule(i, { percentage: v === '' ? '' : Number(v) })}
            w={80}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('admin.flags.form.removeRule')}
            onClick={() =>
              set(
                'rules',
                d.rules.filter((_, j) => j !== i),
              )
            }
            mb={4}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Button
        variant="light"
        size="xs"
        w="fit-content"
        leftSection={<IconPlus size={14} />}
        onClick={() =>
          set('rules', [
            ...d.rules,
            { attribute: 'role', values: [], variant: d.rollout_variant, percentage: '' },
          ])
        }
      >
        {t('admin.flags.form.addRule')}
      </Button>
      <TextInput
        label={t('admin.flags.form.reason')}
        value={d.reason}
        onChange={(e) => set('reason', e.currentTarget.value)}
      />
      {(message || localError) && (
        <Alert color="red" role="alert">
          {localError ?? message}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button onClick={submit} loading={save.isPending}>
          {t('admin.flags.form.save')}
        </Button>
      </Group>
    </Stack>
  )
}

function HistorySection({ flagKey }: { flagKey: string }) {
  const { t, i18n } = useTranslation()
  const history = useFlagHistory(flagKey)
  const summary = (before: unknown, after: unknown) => {
    const b = before as Flag | null
    const a = after as Flag | null
    if (!a) return t('admin.flags.historyDeleted')
    if (!b) return t('admin.flags.historyCreated', { percentage: a.percentage })
    const parts: string[] = []
    if (b.enabled !== a.enabled) parts.push(a.enabled ? t('admin.flags.on') : t('admin.flags.killed'))
    if (b.percentage !== a.percentage) parts.push(`${b.percentage}% → ${a.percentage}%`)
    if (JSON.stringify(b.rules) !== JSON.stringify(a.rules))
      parts.push(t('admin.flags.historyRules', { count: a.rules.length }))
    return parts.join(' · ') || t('admin.flags.historyOther')
  }
  return (
    <SectionCard title={t('admin.flags.historyOf', { key: flagKey })}>
      {history.isPending && <LoadingState />}
      {history.isError && <ErrorAlert error={history.error} onRetry={() => history.refetch()} />}
      {history.isSuccess && (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.flags.columns.when')}</Table.Th>
              <Table.Th>{t('admin.flags.columns.action')}</Table.Th>
              <Table.Th>{t('admin.flags.columns.change')}</Table.Th>
              <Table.Th>{t('admin.flags.columns.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {history.data.data.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{new Date(c.changed_at).toLocaleString(i18n.language)}</Table.Td>
                <Table.Td>{t(`admin.flags.actions.${c.action}`)}</Table.Td>
                <Table.Td>{summary(c.before, c.after)}</Table.Td>
                <Table.Td>{c.reason ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </SectionCard>
  )
}
