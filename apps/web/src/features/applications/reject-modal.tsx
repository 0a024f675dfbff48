import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../api/client'
import { type Application, useMoveStage } from './applications-api'

interface RejectModalProps {
  application: Application
  opened: boolean
  onClose: () => void
}

/** Rejecting needs a reason: the recruiter sees it, and it stays in the history. */
export function RejectModal({ application, opened, onClose }: RejectModalProps) {
  const { t } = useTranslation()
  const move = useMoveStage(application.id)
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { reason: '' },
    validate: { reason: (value) => (value.trim().length >= 3 ? null : t('splits.reject.reasonRequired')) },
  })
  const close = () => {
    form.reset()
    move.reset()
    onClose()
  }

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('splits.reject.title', { name: application.candidate.name })}
    >
      <form
        noValidate
        onSubmit={form.onSubmit(({ reason }) =>
          move.mutate(
            { to: 'rejected', reason: reason.trim() },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: t('splits.reject.done') })
                close()
              },
            },
          ),
        )}
      >
        <Stack>
          <Text size="sm">{t('splits.reject.body')}</Text>
          <Textarea
            label={t('splits.reject.reason')}
            placeholder={t('splits.reject.reasonPlaceholder')}
            required
            autosize
            minRows={3}
            maxLength={1000}
            data-autofocus
            key={form.key('reason')}
            {...form.getInputProps('reason')}
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
            <Button type="submit" color="red" loading={move.isPending}>
              {t('splits.reject.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
