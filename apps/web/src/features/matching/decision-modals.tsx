import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { ErrorAlert } from '../../components/error-alert'
import { type Accepted, type Match, useRejectMatch, useSubmitPrefill } from './matching-api'

/** Rejecting a suggestion needs a reason: it is kept in the decision log and teaches the next model. */
export function RejectModal({ match, onClose }: { match: Match | null; onClose: () => void }) {
  const { t } = useTranslation()
  const [reason, setReason] = useState('')
  const reject = useRejectMatch()
  const close = () => {
    setReason('')
    reject.reset()
    onClose()
  }
  const tooShort = reason.trim().length < 3
  return (
    <Modal opened={match !== null} onClose={close} title={t('matching.rejectTitle')} centered>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (!match || tooShort) return
          reject.mutate(
            { id: match.id, reason: reason.trim() },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: t('matching.rejected') })
                close()
              },
            },
          )
        }}
      >
        <Stack>
          <Text size="sm">{t('matching.rejectHelp')}</Text>
          <Textarea
            label={t('matching.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={500}
            required
            data-autofocus
          />
          {reject.isError && <ErrorAlert error={reject.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" disabled={tooShort} loading={reject.isPending}>
              {t('matching.rejectConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

/**
 * After accepting: the submission it pre-fills, for the recruiter to read and send themselves.
 * Nothing was submitted; closing the dialog keeps the acceptance and submits nothing.
 */
export function SubmitPrefillModal({
  accepted,
  acceptedByTeam = false,
  canSubmit,
  onClose,
}: {
  accepted: Accepted | null
  /** Opened from the notice that the role's hiring team accepted it, not by the reader's own click. */
  acceptedByTeam?: boolean
  canSubmit: boolean
  onClose: () => void
}) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [note, setNote] = useState<string | null>(null)
  const submit = useSubmitPrefill()
  const close = () => {
    setNote(null)
    submit.reset()
    onClose()
  }
  const text = note ?? accepted?.prefill.note ?? ''
  return (
    <Modal opened={accepted !== null} onClose={close} title={t('matching.prefillTitle')} centered size="lg">
      {accepted && (
        <Stack>
          <Text size="sm">
            {t(acceptedByTeam ? 'matching.prefillHelpTeam' : 'matching.prefillHelp', {
              role: accepted.match.role.title,
              candidate: accepted.match.candidate.name ?? t('matching.anonymous'),
            })}
          </Text>
          {canSubmit ? (
            <>
              <Textarea
                label={t('matching.note')}
                value={text}
                onChange={(e) => setNote(e.currentTarget.value)}
                autosize
                minRows={3}
                maxLength={2000}
              />
              {submit.isError && <ErrorAlert error={submit.error} />}
              <Group justify="flex-end">
                <Button variant="default" onClick={close}>
                  {t('matching.notNow')}
                </Button>
                <Button
                  loading={submit.isPending}
                  onClick={() =>
                    submit.mutate(
                      { ...accepted.prefill, note: text.trim() || undefined } as Accepted['prefill'],
                      {
                        onSuccess: (application) => {
                          notifications.show({ color: 'teal', message: t('matching.submitted') })
                          close()
                          const id = (application as { id?: string }).id
                          if (id) navigate(`/splits/applications/${id}`)
                        },
                      },
                    )
                  }
                >
                  {t('matching.submit')}
                </Button>
              </Group>
            </>
          ) : (
            <>
              <Alert color="blue">{t('matching.recruiterConfirms')}</Alert>
              <Group justify="flex-end">
                <Button onClick={close}>{t('matching.close')}</Button>
              </Group>
            </>
          )}
        </Stack>
      )}
    </Modal>
  )
}
