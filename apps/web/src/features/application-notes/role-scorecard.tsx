import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Stack,
  Text,
  TextInput,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../api/client'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { type Scorecard, useRoleScorecard, useSaveScorecard } from './notes-api'

/** A role's scorecard: the hiring team edits its criteria; recruiters read what candidates are rated on. */
export function RoleScorecard({ roleId }: { roleId: string }) {
  const scorecard = useRoleScorecard(roleId)
  if (scorecard.isPending) return <LoadingState minHeight={80} />
  if (scorecard.isError) return <ErrorAlert error={scorecard.error} onRetry={() => scorecard.refetch()} />
  return scorecard.data.can_edit ? (
    <ScorecardEditor key={scorecard.data.version} roleId={roleId} scorecard={scorecard.data} />
  ) : (
    <ScorecardView scorecard={scorecard.data} />
  )
}

function ScorecardView({ scorecard }: { scorecard: Scorecard }) {
  const { t } = useTranslation()
  return (
    <Stack gap="xs">
      {scorecard.criteria.map((c) => (
        <Group key={c.key} justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Text size="sm" fw={500}>
              {c.name}
            </Text>
            {c.description && (
              <Text size="xs" c="dimmed">
                {c.description}
              </Text>
            )}
          </div>
          <Badge variant="default">{t('splits.scorecard.weight', { weight: c.weight })}</Badge>
        </Group>
      ))}
    </Stack>
  )
}

interface Row {
  key?: string
  name: string
  description: string
  weight: number
}

function ScorecardEditor({ roleId, scorecard }: { roleId: string; scorecard: Scorecard }) {
  const { t } = useTranslation()
  const save = useSaveScorecard(roleId)
  const [rows, setRows] = useState<Row[]>(() =>
    scorecard.criteria.map((c) => ({
      key: c.key,
      name: c.name,
      description: c.description,
      weight: c.weight,
    })),
  )
  const [touched, setTouched] = useState(false)
  const update = (i: number, patch: Partial<Row>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)))
  const names = rows.map((r) => r.name.trim().toLowerCase())
  const invalid = rows.some((r, i) => !r.name.trim() || names.indexOf(names[i]!) !== i)

  return (
    <Stack gap="sm" data-testid="scorecard-editor">
      <Text size="sm" c="dimmed">
        {scorecard.is_default ? t('splits.scorecard.defaultHint') : t('splits.scorecard.hint')}
      </Text>
      {rows.map((r, i) => (
        <Paper key={r.key ?? `new-${i}`} withBorder p="sm">
          <Stack gap="xs">
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <TextInput
                style={{ flex: 1 }}
                label={t('splits.scorecard.name')}
                value={r.name}
                maxLength={80}
                onChange={(e) => update(i, { name: e.currentTarget.value })}
                error={
                  touched && !r.name.trim()
                    ? t('splits.scorecard.nameRequired')
                    : touched && names.indexOf(names[i]!) !== i
                      ? t('splits.scorecard.duplicate')
                      : undefined
                }
              />
              <NumberInput
                w={90}
                label={t('splits.scorecard.weightLabel')}
                min={1}
                max={5}
                clampBehavior="strict"
                allowDecimal={false}
                value={r.weight}
                onChange={(v) => update(i, { weight: typeof v === 'number' ? v : 1 })}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                mb={2}
                aria-label={t('splits.scorecard.remove', { name: r.name })}
                disabled={rows.length <= 1}
                onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
            <TextInput
              aria-label={t('splits.scorecard.description')}
              placeholder={t('splits.scorecard.description')}
              value={r.description}
              maxLength={500}
              onChange={(e) => update(i, { description: e.currentTarget.value })}
            />
          </Stack>
        </Paper>
      ))}
      {save.isError && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
          {errorMessage(save.error, t)}
        </Alert>
      )}
      <Group justify="space-between">
        <Button
          variant="light"
          leftSection={<IconPlus size={16} />}
          disabled={rows.length >= 12}
          onClick={() => setRows((rs) => [...rs, { name: '', description: '', weight: 1 }])}
        >
          {t('splits.scorecard.addCriterion')}
        </Button>
        <Button
          loading={save.isPending}
          onClick={() => {
            setTouched(true)
            if (invalid) return
            save.mutate(
              {
                criteria: rows.map((r) => ({
                  ...(r.key ? { key: r.key } : {}),
                  name: r.name.trim(),
                  description: r.description.trim(),
                  weight: r.weight,
                })),
                ...(scorecard.version > 0 ? { version: scorecard.version } : {}),
              },
              {
                onSuccess: () => notifications.show({ color: 'teal', message: t('splits.scorecard.saved') }),
              },
            )
          }}
        >
          {t('splits.scorecard.save')}
        </Button>
      </Group>
    </Stack>
  )
}
