import {
  Alert,
  Button,
  Checkbox,
  Chip,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../api/client'
import {
  type NoteKind,
  type NotesPage,
  RECOMMENDATIONS,
  type Recommendation,
  useAddNote,
  useRoleScorecard,
} from './notes-api'

const MAX = 10_000

/** Who will read a note of this kind written by this side (the server decides; this only tells). */
function audience(kind: NoteKind, share: boolean): 'both' | 'own' {
  if (kind === 'internal_note') return 'own'
  if (kind === 'interview_feedback' || kind === 'decision_note') return share ? 'both' : 'own'
  return 'both'
}

/** The composer: a kind, the text, and for interview feedback the role's scorecard. */
export function NoteForm({
  applicationId,
  roleId,
  viewer,
  interviewId,
}: {
  applicationId: string
  roleId: string
  viewer: NotesPage['viewer']
  /** The interview the feedback is about (the interview's feedback request links here with it). */
  interviewId?: string | undefined
}) {
  const { t } = useTranslation()
  const kinds = viewer.can_write.filter((k) => k !== 'information_response')
  const [kind, setKind] = useState<NoteKind>(
    kinds.includes('interview_feedback') ? 'interview_feedback' : kinds[0]!,
  )
  const [body, setBody] = useState('')
  const [share, setShare] = useState<Record<string, boolean>>({
    interview_feedback: false,
    decision_note: true,
  })
  const [recommendation, setRecommendation] = useState<Recommendation | null>(null)
  const [ratings, setRatings] = useState<Record<string, number>>({})
  const [touched, setTouched] = useState(false)
  const scorecard = useRoleScorecard(kind === 'interview_feedback' ? roleId : undefined)
  const add = useAddNote(applicationId)
  const side = viewer.sides[0] ?? 'company'
  const sharing = share[kind] ?? false
  const missingRecommendation = kind === 'interview_feedback' && !recommendation

  const submit = () => {
    setTouched(true)
    if (!body.trim() || missingRecommendation) return
    add.mutate(
      {
        kind,
        body: body.trim(),
        ...(kind in share ? { share: sharing } : {}),
        ...(kind === 'interview_feedback'
          ? {
              recommendation: recommendation ?? undefined,
              ...(interviewId ? { interview_id: interviewId } : {}),
              ratings: Object.entries(ratings).map(([criterion_key, rating]) => ({ criterion_key, rating })),
            }
          : {}),
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('splits.notes.added') })
          setBody('')
          setRatings({})
          setRecommendation(null)
          setTouched(false)
        },
      },
    )
  }

  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault()
        submit()
      }}
    >
      <Stack gap="sm">
        <Select
          label={t('splits.notes.kind')}
          data={kinds.map((k) => ({ value: k, label: t(`splits.notes.kinds.${k}`) }))}
          value={kind}
          onChange={(v) => v && setKind(v as NoteKind)}
          allowDeselect={false}
          data-testid="note-kind"
        />
        {kind === 'interview_feedback' && scorecard.data && (
          <Stack gap="xs" data-testid="scorecard-form">
            <Text size="sm" fw={500}>
              {t('splits.notes.scorecard')}
            </Text>
            {scorecard.data.criteria.map((c) => (
              <Stack key={c.key} gap={2} data-testid={`criterion-${c.key}`}>
                <Group justify="space-between" gap="xs" wrap="wrap">
                  <Text size="sm">
                    {c.name}
                    {c.weight > 1 && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        ×{c.weight}
                      </Text>
                    )}
                  </Text>
                  <SegmentedControl
                    size="xs"
                    aria-label={c.name}
                    data={['1', '2', '3', '4'].map((v) => ({ value: v, label: v }))}
                    value={ratings[c.key] ? String(ratings[c.key]) : ''}
                    onChange={(v) => setRatings((r) => ({ ...r, [c.key]: Number(v) }))}
                  />
                </Group>
                {c.description && (
                  <Text size="xs" c="dimmed">
                    {c.description}
                  </Text>
                )}
              </Stack>
            ))}
            <Text size="xs" c="dimmed">
              {t('splits.notes.scale')}
            </Text>
            <Text size="sm" fw={500} mt="xs">
              {t('splits.notes.recommendation')}
            </Text>
            <Chip.Group
              value={recommendation ?? ''}
              onChange={(v) => setRecommendation((v as Recommendation) || null)}
            >
              <Group gap="xs" wrap="wrap">
                {RECOMMENDATIONS.map((r) => (
                  <Chip key={r} value={r} size="sm">
                    {t(`splits.notes.recommendations.${r}`)}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
            {touched && missingRecommendation && (
              <Text size="xs" c="red">
                {t('splits.notes.recommendationRequired')}
              </Text>
            )}
          </Stack>
        )}
        <Textarea
          label={t(`splits.notes.bodyLabel.${kind}`)}
          placeholder={t(`splits.notes.placeholders.${kind}`)}
          autosize
          minRows={3}
          maxRows={12}
          maxLength={MAX}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          error={touched && !body.trim() ? t('splits.notes.bodyRequired') : undefined}
          description={
            body.length > MAX - 500 ? t('splits.notes.charsLeft', { count: MAX - body.length }) : undefined
          }
        />
        {kind in share && (
          <Checkbox
            label={t('splits.notes.shareWithRecruiter')}
            checked={sharing}
            onChange={(e) => {
              const checked = e.currentTarget.checked
              setShare((s) => ({ ...s, [kind]: checked }))
            }}
          />
        )}
        <Text size="xs" c="dimmed">
          {audience(kind, sharing) === 'both'
            ? t('splits.notes.willSeeBoth')
            : t(`splits.notes.willSeeOwn.${side}`)}
        </Text>
        {add.isError && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
            {errorMessage(add.error, t)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={add.isPending}>
            {t(`splits.notes.submit.${kind}`)}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

/** Answering an open information request of the other side. */
export function AnswerForm({ applicationId, requestId }: { applicationId: string; requestId: string }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [body, setBody] = useState('')
  const add = useAddNote(applicationId)
  if (!open)
    return (
      <Group>
        <Button size="xs" variant="light" onClick={() => setOpen(true)}>
          {t('splits.notes.answer')}
        </Button>
      </Group>
    )
  return (
    <Stack gap="xs">
      <Textarea
        aria-label={t('splits.notes.answerLabel')}
        placeholder={t('splits.notes.answerLabel')}
        autosize
        minRows={2}
        maxLength={MAX}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
        data-autofocus
      />
      {add.isError && (
        <Text size="sm" c="red">
          {errorMessage(add.error, t)}
        </Text>
      )}
      <Group justify="flex-end" gap="xs">
        <Button size="xs" variant="default" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </Button>
        <Button
          size="xs"
          loading={add.isPending}
          disabled={!body.trim()}
          onClick={() =>
            add.mutate(
              { kind: 'information_response', body: body.trim(), request_note_id: requestId },
              {
                onSuccess: () => notifications.show({ color: 'teal', message: t('splits.notes.answerSent') }),
              },
            )
          }
        >
          {t('splits.notes.sendAnswer')}
        </Button>
      </Group>
    </Stack>
  )
}
