import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../api/client'
import { useVocab } from '../reference/use-vocab'
import { type Role, type RoleStatus, useChangeRoleStatus } from './roles-api'

interface RoleStatusModalProps {
  role: Role
  /** The status to move to; null when closed. */
  target: RoleStatus | null
  onClose: () => void
}

/** Confirms a status change; pausing, filling and closing take an optional reason for the history. */
export function RoleStatusModal({ role, target, onClose }: RoleStatusModalProps) {
  const { t } = useTranslation()
  const { label } = useVocab()
  const change = useChangeRoleStatus(role.id)
  const [reason, setReason] = useState('')
  const asksReason = target !== null && target !== 'open'

  const close = () => {
    setReason('')
    change.reset()
    onClose()
  }
  const confirm = () => {
    if (!target) return
    change.mutate(
      { status: target, ...(asksReason && reason.trim() ? { reason: reason.trim() } : {}) },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            message: t('splits.roleStatus.done', { status: label('roleStatuses', target).toLowerCase() }),
          })
          close()
        },
      },
    )
  }

  return (
    <Modal
      opened={target !== null}
      onClose={close}
      title={target ? t(`splits.roleStatus.titles.${target}`, { title: role.title }) : ''}
    >
      <Stack>
        {target && <Text size="sm">{t(`splits.roleStatus.bodies.${target}`)}</Text>}
        {asksReason && (
          <Textarea
            label={t('splits.roleStatus.reason')}
            placeholder={t('splits.roleStatus.reasonPlaceholder')}
            autosize
            minRows={2}
            maxLength={500}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            data-autofocus
          />
        )}
        {change.isError && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
            {errorMessage(change.error, t)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button
            color={target === 'closed' ? 'red' : undefined}
            onClick={confirm}
            loading={change.isPending}
          >
            {target ? t(`splits.roleStatus.actions.${target}`) : ''}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
