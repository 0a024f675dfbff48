import { Button, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { ApiError, errorMessage } from '../../api/client'
import { mapFieldErrors } from '../../lib/field-errors'
import { useVocab } from '../reference/use-vocab'
import { type Company, useUpdateCompany } from './company-api'

const FIELDS = ['billing_email', 'billing_contact_name', 'billing_address', 'tax_id', 'payment_terms']

/** Who receives invoices, where, the tax id, and the payment terms placements are invoiced on. */
export function CompanyBillingForm({ company, canEdit }: { company: Company; canEdit: boolean }) {
  const { t } = useTranslation()
  const { options } = useVocab()
  const update = useUpdateCompany(company.id)
  const billing = company.billing
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      billing_email: billing?.billing_email ?? '',
      billing_contact_name: billing?.billing_contact_name ?? '',
      billing_address: billing?.billing_address ?? '',
      tax_id: billing?.tax_id ?? '',
      payment_terms: company.payment_terms as string,
    },
  })
  if (!billing) return <Text size="sm">{t('splits.companySettings.billingHidden')}</Text>
  const orNull = (text: string) => (text.trim() ? text.trim() : null)

  const submit = form.onSubmit((v) =>
    update.mutate(
      {
        billing_email: orNull(v.billing_email),
        billing_contact_name: orNull(v.billing_contact_name),
        billing_address: orNull(v.billing_address),
        tax_id: orNull(v.tax_id),
        payment_terms: v.payment_terms as Company['payment_terms'],
      },
      {
        onSuccess: () => {
          form.resetDirty()
          notifications.show({ color: 'teal', message: t('splits.companySettings.saved') })
        },
        onError: (err) => {
          if (err instanceof ApiError) form.setErrors(mapFieldErrors(err.fieldErrors, FIELDS).byField)
          notifications.show({ color: 'red', message: errorMessage(err, t) })
        },
      },
    ),
  )

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('splits.companySettings.billingEmail')}
            type="email"
            disabled={!canEdit}
            {...form.getInputProps('billing_email')}
          />
          <TextInput
            label={t('splits.companySettings.billingContact')}
            disabled={!canEdit}
            {...form.getInputProps('billing_contact_name')}
          />
          <TextInput
            label={t('splits.companySettings.taxId')}
            disabled={!canEdit}
            {...form.getInputProps('tax_id')}
          />
          <Select
            label={t('splits.companySettings.paymentTerms')}
            description={t('splits.companySettings.paymentTermsHint')}
            data={options('paymentTerms', ['net_30', 'net_60', 'net_90'])}
            allowDeselect={false}
            disabled={!canEdit}
            {...form.getInputProps('payment_terms')}
          />
        </SimpleGrid>
        <Textarea
          label={t('splits.companySettings.billingAddress')}
          autosize
          minRows={2}
          disabled={!canEdit}
          {...form.getInputProps('billing_address')}
        />
        {canEdit && (
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
              {t('splits.companySettings.saveBilling')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  )
}
