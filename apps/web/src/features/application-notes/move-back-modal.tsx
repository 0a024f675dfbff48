import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../api/client'
import { type Application, type Stage, useMoveStage } from '../applications/applications-api'
import { useVocab } from '../reference/use-vocab'

/** The hiring team moves a candidate back to an earlier stage; the reason is required and kept in the history. */
export function MoveBackModal({
  application,
  opened,
  onClose,
}: {
  application: Application
  opened: boolean
  onClose: () => void
}) {
  const { t } = useTranslation()
  const { label } = useVocab()
  const move = useMoveStage(application.id)
  const back = application.allowed_back
  const [to, setTo] = useState<Stage | null>(back.at(-1) ?? null)
  const [reason, setReason] = useState('')
  const [touched, setTouched] = useState(false)
  const close = () => {
    setReason('')
    setTouched(false)
    move.reset()
    onClose()
  }
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('splits.moveBack.title', { name: application.candidate.name })}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          setTouched(true)
          if (!to || reason.trim().length < 3) return
          move.mutate(
            { to, reason: reason.trim(), version: application.version },
            {
              onSuccess: () => {
                notifications.show({
                  color: 'teal',
                  message: t('splits.moveBack.done', { stage: label('stages', to) }),
                })
                close()
              },
            },
          )
        }}
      >
        <Stack>
          <Text size="sm">{t('splits.moveBack.body')}</Text>
          <Select
            label={t('splits.moveBack.to')}
            data={back.map((s) => ({ value: s, label: label('stages', s) }))}
            value={to}
            onChange={(v) => setTo(v as Stage | null)}
            allowDeselect={false}
          />
          <Textarea
            label={t('splits.moveBack.reason')}
            placeholder={t('splits.moveBack.reasonPlaceholder')}
            required
            autosize
            minRows={3}
            maxLength={1000}
            data-autofocus
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={touched && reason.trim().length < 3 ? t('splits.moveBack.reasonRequired') : undefined}
          />
          {move.isError && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
              {errorMessage(move.error, t)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={move.isPending}>
              {t('splits.moveBack.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
