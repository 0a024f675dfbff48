import { Alert, Divider, Stack, Text } from '@mantine/core'
import { IconMessageQuestion } from '@tabler/icons-react'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { SectionCard } from '../../components/section-card'
import { AnswerForm, NoteForm } from './note-form'
import { NoteItem } from './note-item'
import { useApplicationNotes } from './notes-api'
import { ScorecardSummary } from './scorecard-summary'

/**
 * Notes & feedback on an application, for whichever side the viewer is on: the summary of the
 * interview feedback they may read, the notes (each marked with who sees it), answers to open
 * information requests, and a composer for the kinds their side writes.
 */
export function ApplicationNotesCard({ applicationId, roleId }: { applicationId: string; roleId: string }) {
  const { t } = useTranslation()
  const notes = useApplicationNotes(applicationId)
  // an interview's feedback request opens the page here: ?tab=feedback&interview=<id>
  const [params] = useSearchParams()
  const interviewId = params.get('interview') ?? undefined
  const card = useRef<HTMLDivElement>(null)
  const ready = notes.data !== undefined
  useEffect(() => {
    if (ready && params.get('tab') === 'feedback') card.current?.scrollIntoView({ block: 'start' })
  }, [ready, params])
  const page = notes.data
  const responses = new Map(
    (page?.data ?? []).filter((n) => n.request_note_id).map((n) => [n.request_note_id as string, n]),
  )
  const mySides = page?.viewer.sides ?? []
  return (
    <div ref={card} id="feedback">
      <SectionCard title={t('splits.notes.title')}>
        {notes.isPending && <LoadingState minHeight={80} />}
        {notes.isError && <ErrorAlert error={notes.error} onRetry={() => notes.refetch()} />}
        {page && (
          <Stack gap="md">
            {page.open_requests > 0 && (
              <Alert color="orange" variant="light" icon={<IconMessageQuestion size={18} />} p="sm">
                {t('splits.notes.openRequests', { count: page.open_requests })}
              </Alert>
            )}
            <ScorecardSummary summary={page.summary} />
            {page.data.length === 0 && (
              <Text size="sm" c="dimmed">
                {t('splits.notes.empty')}
              </Text>
            )}
            {page.data
              .filter((n) => n.kind !== 'information_response')
              .map((n) => {
                const answer = responses.get(n.id)
                const canAnswer =
                  n.kind === 'information_request' &&
                  !n.answered_by_note_id &&
                  mySides.some((s) => s !== n.author.side) &&
                  page.viewer.can_write.includes('information_response')
                return (
                  <NoteItem key={n.id} note={n}>
                    {answer && (
                      <Stack
                        gap={4}
                        pl="sm"
                        style={{ borderInlineStart: '3px solid var(--mantine-color-teal-5)' }}
                      >
                        <Text size="xs" c="dimmed">
                          {t('splits.notes.answeredBy', {
                            name: answer.author.name ?? t('splits.notes.someone'),
                          })}
                        </Text>
                        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                          {answer.body}
                        </Text>
                      </Stack>
                    )}
                    {canAnswer && <AnswerForm applicationId={applicationId} requestId={n.id} />}
                  </NoteItem>
                )
              })}
            {page.viewer.can_write.length > 0 && (
              <>
                <Divider label={t('splits.notes.add')} labelPosition="left" />
                <NoteForm
                  applicationId={applicationId}
                  roleId={roleId}
                  viewer={page.viewer}
                  interviewId={interviewId}
                />
              </>
            )}
          </Stack>
        )}
      </SectionCard>
    </div>
  )
}
