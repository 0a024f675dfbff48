import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { ApiError, errorMessage } from '../../api/client'
import { mapFieldErrors } from '../../lib/field-errors'
import { type CompanyCreate, useCreateCompany } from '../company/company-api'
import { SIZE_BANDS } from '../company/company-profile-form'
import { useReference } from '../reference/reference-api'
import { useVocab } from '../reference/use-vocab'

const FIELDS = [
  'name',
  'website',
  'industry',
  'size_band',
  'headquarters',
  'payment_terms',
  'default_currency',
  'billing_email',
]

/** A platform admin adds a hiring company (its organisation, profile and billing record). */
export function CreateCompanyModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const { options } = useVocab()
  const reference = useReference().data
  const create = useCreateCompany()
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      name: '',
      website: '',
      industry: '',
      size_band: '',
      headquarters: '',
      payment_terms: 'net_30',
      default_currency: 'USD',
      billing_email: '',
    },
    validate: { name: (value) => (value.trim() ? null : t('splits.roleForm.required')) },
  })
  const close = () => {
    form.reset()
    create.reset()
    onClose()
  }
  const orNull = (text: string) => (text.trim() ? text.trim() : null)

  const submit = form.onSubmit((v) =>
    create.mutate(
      {
        name: v.name.trim(),
        website: orNull(v.website),
        industry: orNull(v.industry) as CompanyCreate['industry'],
        size_band: orNull(v.size_band) as CompanyCreate['size_band'],
        headquarters: orNull(v.headquarters),
        payment_terms: v.payment_terms as CompanyCreate['payment_terms'],
        default_currency: v.default_currency,
        billing_email: orNull(v.billing_email),
      },
      {
        onSuccess: (company) => {
          notifications.show({ color: 'teal', message: t('admin.companies.created', { name: company.name }) })
          close()
        },
        onError: (err) => {
          if (err instanceof ApiError) form.setErrors(mapFieldErrors(err.fieldErrors, FIELDS).byField)
        },
      },
    ),
  )

  return (
    <Modal opened={opened} onClose={close} title={t('admin.companies.createTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('splits.companySettings.name')}
            required
            data-autofocus
            {...form.getInputProps('name')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('splits.companySettings.website')}
              placeholder="https://"
              {...form.getInputProps('website')}
            />
            <TextInput
              label={t('splits.companySettings.headquarters')}
              {...form.getInputProps('headquarters')}
            />
            <Select
              label={t('splits.companySettings.industry')}
              data={options('industries', reference?.industries ?? [])}
              clearable
              {...form.getInputProps('industry')}
              value={form.getValues().industry || null}
            />
            <Select
              label={t('splits.companySettings.size')}
              data={options('sizeBands', SIZE_BANDS)}
              clearable
              {...form.getInputProps('size_band')}
              value={form.getValues().size_band || null}
            />
            <Select
              label={t('splits.companySettings.paymentTerms')}
              data={options('paymentTerms', ['net_30', 'net_60', 'net_90'])}
              allowDeselect={false}
              {...form.getInputProps('payment_terms')}
            />
            <Select
              label={t('splits.companySettings.currency')}
              data={reference?.currencies ?? ['USD']}
              allowDeselect={false}
              {...form.getInputProps('default_currency')}
            />
          </SimpleGrid>
          <TextInput
            label={t('splits.companySettings.billingEmail')}
            type="email"
            {...form.getInputProps('billing_email')}
          />
          {create.isError && (
            <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
              {errorMessage(create.error, t)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('admin.companies.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
