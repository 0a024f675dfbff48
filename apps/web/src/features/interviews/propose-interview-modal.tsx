import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconPlus, IconTrash } from '@tabler/icons-react'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../api/client'
import { useCompanyTeam } from '../company/team-api'
import {
  type Interview,
  timeZones,
  useInterviewAction,
  useProposeInterview,
  viewerTimeZone,
} from './interviews-api'

interface Props {
  opened: boolean
  onClose: () => void
  /** Propose for an application, or reschedule an interview. */
  applicationId: string
  companyId: string
  reschedule?: Interview
}

/** The hiring team proposes times (wall times in the chosen zone) — or new times for a reschedule. */
export function ProposeInterviewModal({ opened, onClose, applicationId, companyId, reschedule }: Props) {
  const { t } = useTranslation()
  const team = useCompanyTeam(opened ? companyId : undefined)
  const propose = useProposeInterview()
  const move = useInterviewAction(reschedule?.id ?? '', 'reschedule')
  const zones = useMemo(() => timeZones(), [])
  const [kind, setKind] = useState<'video' | 'phone' | 'onsite'>(reschedule?.kind ?? 'video')
  const [duration, setDuration] = useState<number>(reschedule?.duration_minutes ?? 45)
  const [timeZone, setTimeZone] = useState(reschedule?.time_zone ?? viewerTimeZone())
  const [slots, setSlots] = useState<{ key: number; value: string }[]>([{ key: 0, value: '' }])
  const [interviewers, setInterviewers] = useState<string[]>(
    reschedule?.interviewers.map((p) => p.user_id) ?? [],
  )
  const [link, setLink] = useState(reschedule?.meeting_link ?? '')
  const [location, setLocation] = useState(reschedule?.location ?? '')
  const [agenda, setAgenda] = useState('')
  const mutation = reschedule ? move : propose
  const people = (team.data?.data ?? [])
    .filter((m) => m.status === 'active' && m.user_id)
    .map((m) => ({ value: m.user_id!, label: m.display_name }))
  const filled = slots.filter((s) => s.value).map((s) => ({ start: s.value }))
  const close = () => {
    mutation.reset()
    onClose()
  }
  const submit = () => {
    const done = () => {
      notifications.show({
        color: 'teal',
        message: t(reschedule ? 'interviews.rescheduled' : 'interviews.proposed'),
      })
      setSlots([{ key: 0, value: '' }])
      close()
    }
    if (reschedule) {
      move.mutate(
        {
          slots: filled,
          duration_minutes: duration,
          time_zone: timeZone,
          meeting_link: link.trim() || null,
          location: location.trim() || null,
          ...(agenda.trim() ? { note: agenda.trim() } : {}),
          version: reschedule.version,
        },
        { onSuccess: done },
      )
    } else {
      propose.mutate(
        {
          application_id: applicationId,
          kind,
          duration_minutes: duration,
          time_zone: timeZone,
          slots: filled,
          interviewer_user_ids: interviewers,
          meeting_link: link.trim() || null,
          location: location.trim() || null,
          agenda: agenda.trim() || null,
        },
        { onSuccess: done },
      )
    }
  }

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t(reschedule ? 'interviews.rescheduleTitle' : 'interviews.proposeTitle')}
      size="lg"
    >
      <Stack>
        {!reschedule && (
          <SegmentedControl
            value={kind}
            onChange={(v) => setKind(v as typeof kind)}
            data={(['video', 'phone', 'onsite'] as const).map((k) => ({
              value: k,
              label: t(`interviews.kind.${k}`),
            }))}
          />
        )}
        <Group grow align="flex-start">
          <Select
            label={t('interviews.timeZone')}
            description={t('interviews.timeZoneHint')}
            data={zones}
            value={timeZone}
            onChange={(v) => v && setTimeZone(v)}
            searchable
            allowDeselect={false}
            data-testid="interview-zone"
          />
          <NumberInput
            label={t('interviews.duration')}
            min={15}
            max={480}
            step={15}
            value={duration}
            onChange={(v) => setDuration(Number(v) || 0)}
          />
        </Group>
        <Stack gap="xs">
          <Text size="sm" fw={500}>
            {t('interviews.times', { zone: timeZone })}
          </Text>
          {slots.map(({ key, value }, k) => (
            <Group key={key} gap="xs" wrap="nowrap">
              <TextInput
                type="datetime-local"
                aria-label={t('interviews.timeN', { n: k + 1 })}
                value={value}
                onChange={(e) => {
                  const v = e.currentTarget.value
                  setSlots(slots.map((s) => (s.key === key ? { key, value: v } : s)))
                }}
                style={{ flex: 1 }}
                data-testid={`interview-slot-${k}`}
              />
              {slots.length > 1 && (
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={t('interviews.removeTime')}
                  onClick={() => setSlots(slots.filter((s) => s.key !== key))}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              )}
            </Group>
          ))}
          {slots.length < 5 && (
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() =>
                setSlots([...slots, { key: Math.max(...slots.map((s) => s.key)) + 1, value: '' }])
              }
              w="fit-content"
            >
              {t('interviews.addTime')}
            </Button>
          )}
        </Stack>
        {!reschedule && (
          <MultiSelect
            label={t('interviews.interviewers')}
            data={people}
            value={interviewers}
            onChange={setInterviewers}
            searchable
            data-testid="interview-interviewers"
          />
        )}
        <Group grow align="flex-start">
          <TextInput
            label={t('interviews.link')}
            placeholder="https://"
            value={link}
            onChange={(e) => setLink(e.currentTarget.value)}
          />
          <TextInput
            label={t('interviews.location')}
            value={location}
            onChange={(e) => setLocation(e.currentTarget.value)}
          />
        </Group>
        <Textarea
          label={t(reschedule ? 'interviews.rescheduleNote' : 'interviews.agenda')}
          autosize
          minRows={2}
          maxLength={2000}
          value={agenda}
          onChange={(e) => setAgenda(e.currentTarget.value)}
        />
        {mutation.isError && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
            {errorMessage(mutation.error, t)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={mutation.isPending}
            disabled={filled.length === 0 || (!reschedule && interviewers.length === 0)}
            onClick={submit}
          >
            {t(reschedule ? 'interviews.proposeNew' : 'interviews.propose')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
