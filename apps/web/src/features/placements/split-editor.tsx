import { formatBps } from '@app/money'
import { ActionIcon, Alert, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core'
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../api/client'
import { bpsToPercentText, parsePercent } from '../../lib/money'
import { RecruiterSelect } from '../recruiters/recruiter-select'
import { useReference } from '../reference/reference-api'
import { useVocab } from '../reference/use-vocab'
import { type FeeRole, type Placement, useProposeSplit } from './placements-api'

interface Row {
  key: number
  fee_role: FeeRole | null
  recruiter_id: string | null
  percent: string
}

interface SplitEditorProps {
  placement: Placement
  onDone: () => void
}

let nextKey = 0

/** Propose a new split: a share per fee role that must total exactly 100%, shown live. */
export function SplitEditor({ placement, onDone }: SplitEditorProps) {
  const { t } = useTranslation()
  const { options } = useVocab()
  const feeRoles = (useReference().data?.fee_roles ?? []) as FeeRole[]
  const propose = useProposeSplit(placement.id)
  const [rows, setRows] = useState<Row[]>(() =>
    placement.splits.map((s) => ({
      key: nextKey++,
      fee_role: s.fee_role,
      recruiter_id: s.recruiter_id,
      percent: bpsToPercentText(s.share_bps),
    })),
  )
  const known = placement.splits.map((s) => ({ id: s.recruiter_id, name: s.recruiter_name }))
  const shares = rows.map((r) => parsePercent(r.percent))
  const total = shares.reduce<number>((sum, bps) => sum + (bps ?? 0), 0)
  const used = rows.map((r) => r.fee_role)
  const duplicateRole = used.some((role, i) => role && used.indexOf(role) !== i)
  const complete = rows.every((r, i) => r.fee_role && r.recruiter_id && (shares[i] ?? 0) > 0)
  const valid = complete && !duplicateRole && total === 10_000
  const update = (key: number, patch: Partial<Row>) =>
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)))

  const save = () =>
    propose.mutate(
      rows.map((r, i) => ({ fee_role: r.fee_role!, recruiter_id: r.recruiter_id!, share_bps: shares[i]! })),
      { onSuccess: onDone },
    )

  return (
    <Stack gap="sm">
      {rows.map((row, i) => (
        <Group key={row.key} gap="xs" align="flex-start" wrap="wrap">
          <Select
            aria-label={t('splits.split.feeRole')}
            data={options('feeRoles', feeRoles)}
            value={row.fee_role}
            onChange={(value) => update(row.key, { fee_role: value as FeeRole | null })}
            allowDeselect={false}
            w={{ base: '100%', xs: 200 }}
          />
          <div style={{ flex: 1, minWidth: 180 }}>
            <RecruiterSelect
              value={row.recruiter_id}
              onChange={(id) => update(row.key, { recruiter_id: id })}
              known={known}
              label={t('splits.split.recruiterOf', { n: i + 1 })}
            />
          </div>
          <TextInput
            aria-label={t('splits.split.shareOf', { n: i + 1 })}
            value={row.percent}
            onChange={(event) => update(row.key, { percent: event.currentTarget.value })}
            error={row.percent && shares[i] === null ? t('splits.split.shareInvalid') : undefined}
            rightSection={<Text size="sm">%</Text>}
            inputMode="decimal"
            w={110}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            aria-label={t('splits.split.remove')}
            onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}
            disabled={rows.length === 1}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group justify="space-between">
        <Button
          variant="subtle"
          leftSection={<IconPlus size={16} />}
          disabled={rows.length >= feeRoles.length}
          onClick={() =>
            setRows((all) => [
              ...all,
              {
                key: nextKey++,
                fee_role: feeRoles.find((r) => !used.includes(r)) ?? null,
                recruiter_id: null,
                percent: '',
              },
            ])
          }
        >
          {t('splits.split.addRow')}
        </Button>
        <Text size="sm" fw={700} c={total === 10_000 ? 'teal' : 'red'} aria-live="polite">
          {t('splits.split.total', { total: formatBps(total) })}
          {total !== 10_000 && ` · ${t('splits.split.mustTotal')}`}
        </Text>
      </Group>
      {duplicateRole && (
        <Text size="sm" c="red">
          {t('splits.split.duplicateRole')}
        </Text>
      )}
      {propose.isError && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
          {errorMessage(propose.error, t)}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
        <Button onClick={save} disabled={!valid} loading={propose.isPending}>
          {t('splits.split.propose')}
        </Button>
      </Group>
    </Stack>
  )
}
