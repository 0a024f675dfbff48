import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconCalendarDown, IconMessage2 } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { errorMessage } from '../../api/client'
import { InterviewTime } from './interview-time'
import { type Interview, useInterviewAction } from './interviews-api'
import { ProposeInterviewModal } from './propose-interview-modal'

const STATUS_COLOR = { proposed: 'yellow', confirmed: 'teal', completed: 'blue', cancelled: 'gray' } as const

/** One interview: its time (or the times to choose from) and what the viewer may do next. */
export function InterviewItem({
  interview: i,
  team,
  recruiter,
  showContext = false,
}: {
  interview: Interview
  team: boolean
  recruiter: boolean
  showContext?: boolean
}) {
  const { t } = useTranslation()
  const confirm = useInterviewAction(i.id, 'confirm')
  const decline = useInterviewAction(i.id, 'decline')
  const cancel = useInterviewAction(i.id, 'cancel')
  const complete = useInterviewAction(i.id, 'complete')
  const [slot, setSlot] = useState<string | null>(null)
  const [dialog, setDialog] = useState<null | 'decline' | 'cancel' | 'reschedule'>(null)
  const [text, setText] = useState('')
  const open = i.slots.filter((s) => s.status === 'open')
  const chooser = recruiter && i.status === 'proposed' && i.awaiting === 'recruiter'
  const live = i.status === 'proposed' || i.status === 'confirmed'
  const invited = i.history.some((h) => h.action === 'confirmed')
  const failed = [confirm, decline, cancel, complete].find((m) => m.isError)
  const done = (message: string) => () => {
    notifications.show({ color: 'teal', message })
    setDialog(null)
    setText('')
  }

  return (
    <Paper withBorder p="md" radius="md" data-testid="interview">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs">
            <Badge color={STATUS_COLOR[i.status]} variant="light">
              {t(`interviews.status.${i.status}`)}
            </Badge>
            <Text size="sm" fw={500}>
              {t(`interviews.kind.${i.kind}`)}
            </Text>
            {i.status === 'proposed' && (
              <Text size="xs" c="dimmed">
                {t(i.awaiting === 'team' ? 'interviews.awaitingTeam' : 'interviews.awaitingRecruiter')}
              </Text>
            )}
          </Group>
          {invited && (
            <Anchor href={`/api/interviews/${i.id}/invite.ics`} size="sm" download>
              <Group gap={4}>
                <IconCalendarDown size={16} />
                {t('interviews.download')}
              </Group>
            </Anchor>
          )}
        </Group>
        {showContext && (
          <Anchor component={Link} to={`/splits/applications/${i.application_id}`} size="sm">
            {i.candidate.name} · {i.role.title} · {i.company.name}
          </Anchor>
        )}
        {i.starts_at && (
          <InterviewTime iso={i.starts_at} timeZone={i.time_zone} minutes={i.duration_minutes} />
        )}
        {chooser ? (
          <Radio.Group value={slot} onChange={setSlot} label={t('interviews.chooseTime')}>
            <Stack gap="xs" mt="xs">
              {open.map((s) => (
                <Radio
                  key={s.id}
                  value={s.id}
                  label={
                    <InterviewTime iso={s.starts_at} timeZone={i.time_zone} minutes={i.duration_minutes} />
                  }
                />
              ))}
            </Stack>
          </Radio.Group>
        ) : (
          i.status === 'proposed' &&
          open.map((s) => (
            <InterviewTime key={s.id} iso={s.starts_at} timeZone={i.time_zone} minutes={i.duration_minutes} />
          ))
        )}
        <Text size="sm" c="dimmed">
          {t('interviews.with', {
            names: i.interviewers.map((p) => p.name).join(', '),
            recruiter: i.recruiter.name,
          })}
        </Text>
        {i.meeting_link && (
          <Anchor
            href={i.meeting_link}
            target="_blank"
            rel="noreferrer"
            size="sm"
            style={{ overflowWrap: 'anywhere' }}
          >
            {i.meeting_link}
          </Anchor>
        )}
        {i.location && <Text size="sm">{i.location}</Text>}
        {i.agenda && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {i.agenda}
          </Text>
        )}
        {i.recruiter_note && i.status === 'proposed' && (
          <Alert variant="light" color="yellow" title={t('interviews.otherTimesAsked')}>
            {i.recruiter_note}
          </Alert>
        )}
        {i.cancel_reason && i.status === 'cancelled' && (
          <Text size="sm" c="dimmed">
            {t('interviews.cancelledBecause', { reason: i.cancel_reason })}
          </Text>
        )}
        {failed && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
            {errorMessage(failed.error, t)}
          </Alert>
        )}
        <Group gap="xs" wrap="wrap">
          {chooser && (
            <>
              <Button
                size="xs"
                disabled={!slot}
                loading={confirm.isPending}
                onClick={() =>
                  slot &&
                  confirm.mutate(
                    { slot_id: slot, version: i.version },
                    { onSuccess: done(t('interviews.confirmedDone')) },
                  )
                }
              >
                {t('interviews.confirm')}
              </Button>
              <Button size="xs" variant="default" onClick={() => setDialog('decline')}>
                {t('interviews.askOther')}
              </Button>
            </>
          )}
          {team && live && (
            <Button size="xs" variant="default" onClick={() => setDialog('reschedule')}>
              {t('interviews.reschedule')}
            </Button>
          )}
          {team && i.completable && (
            <Button
              size="xs"
              loading={complete.isPending}
              onClick={() =>
                complete.mutate({ version: i.version }, { onSuccess: done(t('interviews.completedDone')) })
              }
            >
              {t('interviews.complete')}
            </Button>
          )}
          {team && (i.status === 'completed' || i.completable) && (
            <Button
              size="xs"
              variant="light"
              component={Link}
              to={i.feedback_link}
              leftSection={<IconMessage2 size={14} />}
            >
              {t('interviews.giveFeedback')}
            </Button>
          )}
          {(team || recruiter) && live && (
            <Button size="xs" variant="subtle" color="red" onClick={() => setDialog('cancel')}>
              {t('interviews.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
      <Modal
        opened={dialog === 'decline' || dialog === 'cancel'}
        onClose={() => setDialog(null)}
        title={t(dialog === 'cancel' ? 'interviews.cancelTitle' : 'interviews.askOtherTitle')}
      >
        <Stack>
          <Textarea
            label={t(dialog === 'cancel' ? 'interviews.reason' : 'interviews.note')}
            autosize
            minRows={3}
            maxLength={2000}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDialog(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color={dialog === 'cancel' ? 'red' : undefined}
              disabled={!text.trim()}
              loading={cancel.isPending || decline.isPending}
              onClick={() =>
                dialog === 'cancel'
                  ? cancel.mutate(
                      { reason: text.trim(), version: i.version },
                      { onSuccess: done(t('interviews.cancelledDone')) },
                    )
                  : decline.mutate(
                      { note: text.trim(), version: i.version },
                      { onSuccess: done(t('interviews.askedDone')) },
                    )
              }
            >
              {t(dialog === 'cancel' ? 'interviews.cancelConfirm' : 'interviews.send')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {dialog === 'reschedule' && (
        <ProposeInterviewModal
          opened
          onClose={() => setDialog(null)}
          applicationId={i.application_id}
          companyId={i.company.id}
          reschedule={i}
        />
      )}
    </Paper>
  )
}
