import { Button, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { ApiError, errorMessage } from '../../api/client'
import { mapFieldErrors } from '../../lib/field-errors'
import { useReference } from '../reference/reference-api'
import { useVocab } from '../reference/use-vocab'
import { type Company, type CompanyPatch, useUpdateCompany } from './company-api'

export const SIZE_BANDS = ['1-10', '11-50', '51-200', '201-1000', '1001-5000', '5000+']
const FIELDS = ['name', 'website', 'industry', 'size_band', 'headquarters', 'description', 'default_currency']

/** Name, website, industry, size, headquarters, description and the default currency. */
export function CompanyProfileForm({ company, canEdit }: { company: Company; canEdit: boolean }) {
  const { t } = useTranslation()
  const { options } = useVocab()
  const reference = useReference().data
  const update = useUpdateCompany(company.id)
  const initial = {
    name: company.name,
    website: company.website ?? '',
    industry: company.industry ?? '',
    size_band: company.size_band ?? '',
    headquarters: company.headquarters ?? '',
    description: company.description ?? '',
    default_currency: company.default_currency,
  }
  const form = useForm({
    mode: 'controlled',
    initialValues: initial,
    validate: { name: (value) => (value.trim() ? null : t('splits.roleForm.required')) },
  })
  const orNull = (text: string) => (text.trim() ? text.trim() : null)

  const submit = form.onSubmit((v) =>
    update.mutate(
      {
        name: v.name.trim(),
        website: orNull(v.website),
        industry: orNull(v.industry) as CompanyPatch['industry'],
        size_band: orNull(v.size_band) as CompanyPatch['size_band'],
        headquarters: orNull(v.headquarters),
        description: orNull(v.description),
        default_currency: v.default_currency,
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
            label={t('splits.companySettings.name')}
            required
            disabled={!canEdit}
            {...form.getInputProps('name')}
          />
          <TextInput
            label={t('splits.companySettings.website')}
            placeholder="https://"
            disabled={!canEdit}
            {...form.getInputProps('website')}
          />
          <Select
            label={t('splits.companySettings.industry')}
            data={options('industries', reference?.industries ?? [])}
            clearable
            disabled={!canEdit}
            {...form.getInputProps('industry')}
            value={form.getValues().industry || null}
          />
          <Select
            label={t('splits.companySettings.size')}
            data={options('sizeBands', SIZE_BANDS)}
            clearable
            disabled={!canEdit}
            {...form.getInputProps('size_band')}
            value={form.getValues().size_band || null}
          />
          <TextInput
            label={t('splits.companySettings.headquarters')}
            disabled={!canEdit}
            {...form.getInputProps('headquarters')}
          />
          <Select
            label={t('splits.companySettings.currency')}
            data={reference?.currencies ?? [company.default_currency]}
            allowDeselect={false}
            disabled={!canEdit}
            {...form.getInputProps('default_currency')}
          />
        </SimpleGrid>
        <Textarea
          label={t('splits.companySettings.about')}
          autosize
          minRows={3}
          disabled={!canEdit}
          {...form.getInputProps('description')}
        />
        {canEdit && (
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
              {t('splits.companySettings.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  )
}
