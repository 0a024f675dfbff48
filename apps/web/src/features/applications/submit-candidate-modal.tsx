import { Alert, Button, Group, Modal, SegmentedControl, Stack, Textarea } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconSend } from '@tabler/icons-react'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, errorMessage } from '../../api/client'
import { CandidateForm } from '../candidates/candidate-form'
import type { ConsentMethod } from '../candidates/candidate-form-values'
import { CandidatePicker } from '../candidates/candidate-picker'
import { useCandidate, useUpdateCandidate } from '../candidates/candidates-api'
import { ConsentFields } from '../candidates/consent-fields'
import type { Role } from '../roles/roles-api'
import { loadedRows, useApplications, useSubmitApplication } from './applications-api'
import { DuplicateBlockAlert } from './duplicate-block-alert'
import { PickedCandidate } from './picked-candidate'

interface SubmitCandidateModalProps {
  role: Role
  opened: boolean
  onClose: () => void
}

/** Submit one of my candidates, or someone new added inline, to an open role. */
export function SubmitCandidateModal({ role, opened, onClose }: SubmitCandidateModalProps) {
  const { t } = useTranslation()
  const [mode, setMode] = useState<'existing' | 'new'>('existing')
  const [candidateId, setCandidateId] = useState<string | null>(null)
  const [note, setNote] = useState('')
  const [consent, setConsent] = useState(false)
  const [method, setMethod] = useState<ConsentMethod>('email')
  const picked = useCandidate(candidateId)
  const recordConsent = useUpdateCandidate(candidateId ?? '')
  const submit = useSubmitApplication()
  const needsConsent = picked.data !== undefined && picked.data.consent === null
  // My candidates already submitted to this role: the server would refuse them, so the picker says so first.
  const mine = useApplications({ role_id: role.id, mine: 'true' }, { enabled: opened, pageSize: 100 })
  const alreadySubmitted = useMemo(
    () => new Set(loadedRows(mine.data).map((a) => a.candidate.id)),
    [mine.data],
  )

  const close = () => {
    setMode('existing')
    setCandidateId(null)
    setNote('')
    setConsent(false)
    submit.reset()
    recordConsent.reset()
    onClose()
  }

  const send = async (id: string, name: string) => {
    submit.reset()
    try {
      await submit.mutateAsync({
        role_id: role.id,
        candidate_id: id,
        ...(note.trim() ? { note: note.trim() } : {}),
      })
    } catch {
      return // shown below
    }
    notifications.show({ color: 'teal', message: t('splits.submit.done', { name, role: role.title }) })
    close()
  }

  const submitPicked = async () => {
    if (!candidateId || !picked.data) return
    if (needsConsent) {
      if (!consent) return
      try {
        await recordConsent.mutateAsync({ consent: { method } })
      } catch {
        return
      }
    }
    await send(candidateId, picked.data.full_name)
  }

  // The note comes after the person it is about, in both modes.
  const noteField = (
    <Textarea
      label={t('splits.submit.note')}
      placeholder={t('splits.submit.notePlaceholder')}
      autosize
      minRows={2}
      maxLength={5000}
      value={note}
      onChange={(event) => setNote(event.currentTarget.value)}
    />
  )
  const error = submit.error ?? recordConsent.error
  const blocked = error instanceof ApiError && error.code === 'duplicate_candidate' ? error : undefined

  return (
    <Modal opened={opened} onClose={close} title={t('splits.submit.title', { role: role.title })} size="xl">
      <Stack>
        <SegmentedControl
          value={mode}
          onChange={(value) => {
            setMode(value as 'existing' | 'new')
            submit.reset()
          }}
          data={[
            { value: 'existing', label: t('splits.submit.modeExisting') },
            { value: 'new', label: t('splits.submit.modeNew') },
          ]}
          fullWidth
        />
        {blocked && <DuplicateBlockAlert error={blocked} companyName={role.company.name} />}
        {error && !blocked && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle size={18} />}
            title={t('splits.submit.failed')}
          >
            {errorMessage(error, t)}
          </Alert>
        )}
        {mode === 'existing' ? (
          <Stack>
            <CandidatePicker
              unavailable={alreadySubmitted}
              value={candidateId}
              onChange={(id) => {
                setCandidateId(id)
                submit.reset()
              }}
            />
            {candidateId && <PickedCandidate candidate={picked.data} company={role.company} />}
            {needsConsent && (
              <ConsentFields
                name={picked.data?.full_name ?? ''}
                checked={consent}
                onCheckedChange={setConsent}
                method={method}
                onMethodChange={setMethod}
              />
            )}
            {noteField}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button
                leftSection={<IconSend size={16} />}
                disabled={!picked.data || (needsConsent && !consent) || Boolean(blocked)}
                loading={submit.isPending || recordConsent.isPending}
                onClick={submitPicked}
              >
                {t('splits.submit.submit')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <CandidateForm
            compact
            requireConsent
            company={role.company}
            submitLabel={t('splits.submit.addAndSubmit')}
            extra={noteField}
            onCancel={close}
            onUseExisting={(id) => {
              setCandidateId(id)
              setMode('existing')
            }}
            onCreated={async (candidate) => {
              // From here on it is one of my candidates: a refused submission can be retried or disputed.
              setCandidateId(candidate.id)
              setMode('existing')
              await send(candidate.id, candidate.full_name)
            }}
          />
        )}
      </Stack>
    </Modal>
  )
}
