import { Alert, Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { ApiError, errorMessage } from '../../api/client'
import { mapFieldErrors } from '../../lib/field-errors'
import { formatDate, todayIso } from '../../lib/format'
import { type Placement, useFallOff } from './placements-api'

interface FallOffModalProps {
  placement: Placement
  opened: boolean
  onClose: () => void
}

/** The company admin records that the hire left inside the guarantee period. */
export function FallOffModal({ placement, opened, onClose }: FallOffModalProps) {
  const { t, i18n } = useTranslation()
  const fallOff = useFallOff(placement.id)
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { reason: '', date: todayIso() },
    validate: {
      reason: (value) => (value.trim().length >= 3 ? null : t('splits.fallOff.reasonRequired')),
      date: (value) =>
        value >= placement.start_date && value <= placement.guarantee_ends_on
          ? null
          : t('splits.fallOff.dateOutside'),
    },
  })
  const close = () => {
    form.reset()
    fallOff.reset()
    onClose()
  }

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('splits.fallOff.title', { name: placement.candidate_name })}
    >
      <form
        noValidate
        onSubmit={form.onSubmit(({ reason, date }) =>
          fallOff.mutate(
            { reason: reason.trim(), date },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: t('splits.fallOff.done') })
                close()
              },
              onError: (err) => {
                if (err instanceof ApiError)
                  form.setErrors(mapFieldErrors(err.fieldErrors, ['reason', 'date']).byField)
              },
            },
          ),
        )}
      >
        <Stack>
          <Text size="sm">
            {t('splits.fallOff.body', {
              start: formatDate(placement.start_date, i18n.language),
              end: formatDate(placement.guarantee_ends_on, i18n.language),
            })}
          </Text>
          <TextInput
            label={t('splits.fallOff.date')}
            type="date"
            min={placement.start_date}
            max={placement.guarantee_ends_on}
            required
            key={form.key('date')}
            {...form.getInputProps('date')}
          />
          <Textarea
            label={t('splits.fallOff.reason')}
            autosize
            minRows={2}
            maxLength={1000}
            required
            key={form.key('reason')}
            {...form.getInputProps('reason')}
          />
          {fallOff.isError && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
              {errorMessage(fallOff.error, t)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={fallOff.isPending}>
              {t('splits.fallOff.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
