import { isCurrency, parseMajor } from '@app/money'
import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { ApiError, errorMessage } from '../../api/client'
import { mapFieldErrors } from '../../lib/field-errors'
import { todayIso } from '../../lib/format'
import { useReference } from '../reference/reference-api'
import { type Application, useHire } from './applications-api'

interface HireModalProps {
  application: Application
  /** The role's salary currency, as the default. */
  currency: string
  opened: boolean
  onClose: () => void
}

/** The offer was accepted: first-year base salary (major units, sent exact) and the start date. */
export function HireModal({ application, currency, opened, onClose }: HireModalProps) {
  const { t } = useTranslation()
  const reference = useReference().data
  const hire = useHire(application.id)
  const form = useForm({
    mode: 'controlled',
    initialValues: { salary: '', currency, start_date: todayIso() },
    validate: {
      salary: (value, v) => {
        const amount = isCurrency(v.currency) ? parseMajor(value, v.currency) : null
        return amount !== null && amount > 0n ? null : t('splits.hire.salaryInvalid')
      },
      start_date: (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? null : t('splits.hire.dateInvalid')),
    },
  })
  const close = () => {
    form.reset()
    hire.reset()
    onClose()
  }

  const submit = form.onSubmit((v) => {
    if (!isCurrency(v.currency)) return
    const amount = parseMajor(v.salary, v.currency)
    if (amount === null) return
    hire.mutate(
      { base_salary: { amount: amount.toString(), currency: v.currency }, start_date: v.start_date },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            message: t('splits.hire.done', { name: application.candidate.name }),
          })
          close()
        },
        onError: (err) => {
          if (err instanceof ApiError) {
            form.setErrors(
              mapFieldErrors(err.fieldErrors, ['start_date'], {
                'base_salary.amount': 'salary',
                'base_salary.currency': 'currency',
                currency: 'currency',
              }).byField,
            )
          }
        },
      },
    )
  })

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('splits.hire.title', { name: application.candidate.name })}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('splits.hire.body')}</Text>
          <Group gap="sm" align="flex-start" wrap="nowrap">
            <Select
              label={t('splits.hire.currency')}
              data={reference?.currencies ?? [currency]}
              allowDeselect={false}
              w={100}
              {...form.getInputProps('currency')}
            />
            <TextInput
              label={t('splits.hire.salary')}
              description={t('splits.hire.salaryHint')}
              inputMode="decimal"
              required
              data-autofocus
              style={{ flex: 1 }}
              {...form.getInputProps('salary')}
            />
          </Group>
          <TextInput
            label={t('splits.hire.startDate')}
            type="date"
            required
            {...form.getInputProps('start_date')}
          />
          {hire.isError && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
              {errorMessage(hire.error, t)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="teal" loading={hire.isPending}>
              {t('splits.hire.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
