import { isCurrency, parseMajor, toMajorString } from '@app/money'
import { Alert, Button, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconBuildingBank } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { ApiError, errorMessage } from '../../api/client'
import { SupportInfo } from '../../components/support-info'
import { mapFieldErrors } from '../../lib/field-errors'
import { formatMoneyValue } from '../../lib/money'
import { type Invoice, useInvoice } from '../billing/billing-api'
import { localToday } from '../billing/due-date'
import { useRecordTransfer } from './finance-api'

/**
 * A platform admin records a bank transfer the company made: amount in major units (exact, in the
 * invoice's currency), the day it arrived, and the bank's reference. The server's field errors land
 * on their inputs.
 */
export function RecordTransferForm({ invoice }: { invoice: Invoice }) {
  const { t, i18n } = useTranslation()
  const invoiceQuery = useInvoice(invoice.id)
  const currency = invoice.outstanding.currency
  const known = isCurrency(currency) ? currency : null
  // What is owed now (the invoice on screen refreshes after a refusal); the amount field keeps its text.
  const owed = BigInt(invoice.outstanding.amount)
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: {
      amount: known ? toMajorString(owed, known) : '',
      received_on: localToday(),
      reference: '',
    },
    validate: {
      amount: (value) => {
        const minor = known ? parseMajor(value, known) : null
        if (minor === null) return t('admin.finance.transfer.amountInvalid')
        if (minor <= 0n) return t('admin.finance.transfer.amountPositive')
        if (minor > owed)
          return t('admin.finance.transfer.amountTooMuch', {
            owed: formatMoneyValue(invoice.outstanding, i18n.language),
          })
        return null
      },
      received_on: (value) =>
        !value
          ? t('admin.finance.transfer.dateRequired')
          : value > localToday()
            ? t('admin.finance.transfer.dateFuture')
            : null,
      reference: (value) =>
        value.trim().length === 0
          ? t('admin.finance.transfer.referenceRequired')
          : value.trim().length > 200
            ? t('admin.finance.transfer.referenceTooLong')
            : null,
    },
  })
  const record = useRecordTransfer(invoice.id, {
    onDone: ({ invoice: next }) => {
      notifications.show({ color: 'teal', message: t('admin.finance.transfer.recorded') })
      // Partly paid still: the form offers what is now owed, with a fresh reference.
      form.setValues({
        amount: known ? toMajorString(BigInt(next.outstanding.amount), known) : '',
        reference: '',
      })
    },
  })
  const refusal = record.error instanceof ApiError ? record.error : undefined

  return (
    <form
      noValidate
      aria-label={t('admin.finance.transfer.title')}
      onSubmit={form.onSubmit((values) =>
        record.mutate(
          {
            amount: String(parseMajor(values.amount, known!)),
            currency,
            received_on: values.received_on,
            reference: values.reference.trim(),
          },
          {
            onError: (err) => {
              if (!(err instanceof ApiError)) return
              const { byField } = mapFieldErrors(err.fieldErrors, ['amount', 'received_on', 'reference'], {
                currency: 'amount',
              })
              // The server words amounts in minor units; say it in money.
              if (err.code === 'overpayment' && typeof err.problem.outstanding === 'string')
                byField.amount = t('admin.finance.transfer.amountTooMuch', {
                  owed: formatMoneyValue({ amount: err.problem.outstanding, currency }, i18n.language),
                })
              form.setErrors(byField)
              // Refused because the invoice changed meanwhile (paid elsewhere): show it as it is now.
              if (err.code === 'overpayment' || err.code === 'invoice_not_payable')
                void invoiceQuery.refetch()
            },
          },
        ),
      )}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('admin.finance.transfer.help')}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label={t('admin.finance.transfer.amount')}
            inputMode="decimal"
            rightSection={
              <Text size="xs" c="dimmed">
                {currency}
              </Text>
            }
            rightSectionWidth={48}
            required
            key={form.key('amount')}
            {...form.getInputProps('amount')}
          />
          <TextInput
            label={t('admin.finance.transfer.receivedOn')}
            type="date"
            max={localToday()}
            required
            key={form.key('received_on')}
            {...form.getInputProps('received_on')}
          />
          <TextInput
            label={t('admin.finance.transfer.reference')}
            placeholder={t('admin.finance.transfer.referencePlaceholder')}
            maxLength={200}
            required
            key={form.key('reference')}
            {...form.getInputProps('reference')}
          />
        </SimpleGrid>
        {refusal && refusal.fieldErrors.length === 0 && refusal.code !== 'overpayment' && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
            <Stack gap={4}>
              <Text size="sm">{errorMessage(refusal, t)}</Text>
              <SupportInfo error={refusal} />
            </Stack>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" leftSection={<IconBuildingBank size={16} />} loading={record.isPending}>
            {t('admin.finance.transfer.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
