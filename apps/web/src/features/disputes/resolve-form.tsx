import { Alert, Button, Group, Radio, Stack, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconGavel } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../api/client'
import { type Dispute, useResolveDispute } from './disputes-api'

const MIN = 10

/** The admin's decision: the outcome and a required reason (at least 10 characters). */
export function ResolveForm({ dispute }: { dispute: Dispute }) {
  const { t } = useTranslation()
  const resolve = useResolveDispute(dispute.id)
  const form = useForm({
    mode: 'controlled',
    initialValues: { outcome: '' as '' | 'upheld' | 'overturned', reason: '' },
    validate: {
      outcome: (value) => (value ? null : t('admin.disputes.resolve.outcomeRequired')),
      reason: (value) =>
        value.trim().length >= MIN ? null : t('admin.disputes.resolve.reasonTooShort', { count: MIN }),
    },
  })

  return (
    <form
      noValidate
      onSubmit={form.onSubmit(({ outcome, reason }) => {
        if (!outcome) return
        resolve.mutate(
          { outcome, reason: reason.trim() },
          {
            onSuccess: () => notifications.show({ color: 'teal', message: t('admin.disputes.resolve.done') }),
          },
        )
      })}
    >
      <Stack>
        <Radio.Group label={t('admin.disputes.resolve.outcome')} required {...form.getInputProps('outcome')}>
          <Stack gap="xs" mt="xs">
            <Radio
              value="upheld"
              label={t('admin.disputes.resolve.upheld', { holder: dispute.holder.name })}
              description={t('admin.disputes.resolve.upheldHint')}
            />
            <Radio
              value="overturned"
              label={t('admin.disputes.resolve.overturned', { claimant: dispute.claimant.name })}
              description={t('admin.disputes.resolve.overturnedHint')}
            />
          </Stack>
        </Radio.Group>
        <Textarea
          label={t('admin.disputes.resolve.reason')}
          description={t('admin.disputes.resolve.reasonHint')}
          autosize
          minRows={3}
          maxLength={2000}
          required
          {...form.getInputProps('reason')}
        />
        {resolve.isError && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
            {errorMessage(resolve.error, t)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" leftSection={<IconGavel size={16} />} loading={resolve.isPending}>
            {t('admin.disputes.resolve.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
