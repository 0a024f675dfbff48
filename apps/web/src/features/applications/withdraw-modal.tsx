import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../api/client'
import { useMoveStage } from './applications-api'

interface WithdrawModalProps {
  application: { id: string; candidate: { name: string }; role: { title: string } } | null
  onClose: () => void
}

/** The submitting recruiter takes a candidate out of the process (with an optional reason). */
export function WithdrawModal({ application, onClose }: WithdrawModalProps) {
  const { t } = useTranslation()
  const move = useMoveStage(application?.id ?? '')
  const [reason, setReason] = useState('')
  const close = () => {
    setReason('')
    move.reset()
    onClose()
  }

  return (
    <Modal opened={application !== null} onClose={close} title={t('splits.withdraw.title')}>
      {application && (
        <Stack>
          <Text size="sm">
            {t('splits.withdraw.body', { name: application.candidate.name, role: application.role.title })}
          </Text>
          <Textarea
            label={t('splits.withdraw.reason')}
            placeholder={t('splits.withdraw.reasonPlaceholder')}
            autosize
            minRows={2}
            maxLength={1000}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            data-autofocus
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
            <Button
              color="red"
              loading={move.isPending}
              onClick={() =>
                move.mutate(
                  { to: 'withdrawn', ...(reason.trim() ? { reason: reason.trim() } : {}) },
                  {
                    onSuccess: () => {
                      notifications.show({ color: 'teal', message: t('splits.withdraw.done') })
                      close()
                    },
                  },
                )
              }
            >
              {t('splits.withdraw.confirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  )
}
