import { Badge, Group, Paper, Stack, Text } from '@mantine/core'
import { IconEyeOff, IconUsers } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { RelativeTime } from '../../components/relative-time'
import type { Note } from './notes-api'

export const KIND_COLORS: Record<Note['kind'], string> = {
  information_request: 'orange',
  information_response: 'teal',
  pitch: 'grape',
  interview_feedback: 'blue',
  decision_note: 'indigo',
  internal_note: 'gray',
}

export const RECOMMENDATION_COLORS: Record<NonNullable<Note['recommendation']>, string> = {
  strong_no: 'red',
  no: 'orange',
  yes: 'teal',
  strong_yes: 'green',
}

/** One note: its kind, who sees it, who wrote it and when, the text as typed, and any ratings. */
export function NoteItem({ note, children }: { note: Note; children?: ReactNode }) {
  const { t } = useTranslation()
  const shared = note.visibility === 'both'
  return (
    <Paper withBorder p="sm" radius="md" data-testid={`note-${note.kind}`}>
      <Stack gap={6}>
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Group gap="xs" wrap="wrap">
            <Badge color={KIND_COLORS[note.kind]} variant="light">
              {t(`splits.notes.kinds.${note.kind}`)}
            </Badge>
            {note.recommendation && (
              <Badge color={RECOMMENDATION_COLORS[note.recommendation]} variant="filled">
                {t(`splits.notes.recommendations.${note.recommendation}`)}
              </Badge>
            )}
            {note.kind === 'information_request' && (
              <Badge color={note.answered_by_note_id ? 'teal' : 'orange'} variant="outline">
                {note.answered_by_note_id ? t('splits.notes.answered') : t('splits.notes.open')}
              </Badge>
            )}
          </Group>
          <Group gap={4} c="dimmed">
            {shared ? <IconUsers size={14} /> : <IconEyeOff size={14} />}
            <Text size="xs">
              {shared ? t('splits.notes.visibleBoth') : t(`splits.notes.visibleOnly.${note.visibility}`)}
            </Text>
          </Group>
        </Group>
        <Text size="xs" c="dimmed" component="div">
          {note.author.name ?? t('splits.notes.someone')} · {t(`splits.notes.sides.${note.author.side}`)} ·{' '}
          <RelativeTime value={note.created_at} size="xs" span />
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {note.body}
        </Text>
        {note.ratings.length > 0 && (
          <Group gap="xs" wrap="wrap">
            {note.ratings.map((r) => (
              <Badge key={r.criterion_key} variant="default" tt="none" fw={500}>
                {r.criterion_name}: {r.rating}/4
              </Badge>
            ))}
          </Group>
        )}
        {children}
      </Stack>
    </Paper>
  )
}
