import { Alert, Button, Group, Stack, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../api/client'
import { type Dispute, useOpenDispute } from './disputes-api'

interface DisputeFormProps {
  disputeId: string
  onDone: (dispute: Dispute) => void
  onCancel: () => void
}

const MIN = 10

/** The blocked recruiter's evidence (at least 10 characters); a platform admin decides. */
export function DisputeForm({ disputeId, onDone, onCancel }: DisputeFormProps) {
  const { t } = useTranslation()
  const open = useOpenDispute(disputeId)
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { reason: '' },
    validate: {
      reason: (value) =>
        value.trim().length >= MIN ? null : t('splits.dispute.reasonTooShort', { count: MIN }),
    },
  })

  return (
    <form
      onSubmit={form.onSubmit(({ reason }) => open.mutate(reason.trim(), { onSuccess: onDone }))}
      noValidate
    >
      <Stack gap="sm">
        <Textarea
          label={t('splits.dispute.reason')}
          description={t('splits.dispute.reasonHint')}
          placeholder={t('splits.dispute.reasonPlaceholder')}
          autosize
          minRows={3}
          maxLength={2000}
          required
          data-autofocus
          key={form.key('reason')}
          {...form.getInputProps('reason')}
        />
        {open.isError && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
            {errorMessage(open.error, t)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="orange" loading={open.isPending}>
            {t('splits.dispute.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
