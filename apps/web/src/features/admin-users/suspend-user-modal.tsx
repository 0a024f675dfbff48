import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../api/client'
import { type UserDetail, useSuspendUser } from './users-api'

interface SuspendUserModalProps {
  user: UserDetail
  opened: boolean
  onClose: () => void
}

/** Suspending ends the person's sessions at once, so it asks for a reason (kept in the audit trail). */
export function SuspendUserModal({ user, opened, onClose }: SuspendUserModalProps) {
  const { t } = useTranslation()
  const suspend = useSuspendUser(user.id)
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { reason: '' },
    validate: {
      reason: (value) => {
        const length = value.trim().length
        return length >= 3 && length <= 500 ? null : t('admin.users.suspend.reasonInvalid')
      },
    },
  })

  const close = () => {
    form.reset()
    suspend.reset()
    onClose()
  }

  const submit = form.onSubmit(({ reason }) =>
    suspend.mutate(reason.trim(), {
      onSuccess: () => {
        notifications.show({
          color: 'teal',
          message: t('admin.users.suspend.done', { name: user.display_name }),
        })
        close()
      },
    }),
  )

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('admin.users.suspend.title', { name: user.display_name })}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('admin.users.suspend.body')}</Text>
          <Textarea
            label={t('admin.users.suspend.reason')}
            placeholder={t('admin.users.suspend.reasonPlaceholder')}
            autosize
            minRows={3}
            maxLength={500}
            required
            data-autofocus
            key={form.key('reason')}
            {...form.getInputProps('reason')}
          />
          {suspend.isError && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
              {errorMessage(suspend.error, t)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={suspend.isPending}>
              {t('admin.users.suspend.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
