import {
  Alert,
  Button,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconAlertTriangle } from '@tabler/icons-react'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, errorMessage, type FieldError } from '../../api/client'
import { mapFieldErrors } from '../../lib/field-errors'
import { RecruiterSelect } from '../recruiters/recruiter-select'
import { useReference } from '../reference/reference-api'
import { useVocab } from '../reference/use-vocab'
import {
  initialRoleValues,
  ROLE_FIELD_MAP,
  ROLE_FIELDS,
  type RoleBody,
  type RoleFormValues,
  toRoleBody,
  validateRole,
} from './role-form-values'
import type { Role } from './roles-api'

interface RoleFormProps {
  role?: Role
  companies: { id: string; name: string }[]
  submitLabel: string
  /** Resolves when saved; an ApiError's field errors are shown on the inputs. */
  onSubmit: (companyId: string, body: RoleBody) => Promise<unknown>
  onCancel: () => void
  /** Shown above the buttons, e.g. a stale-version notice with a reload button. */
  notice?: ReactNode
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="sm">
      <Title order={2} fz="md">
        {title}
      </Title>
      {children}
    </Stack>
  )
}

/** Post or edit a role. Salary is typed in major units and sent as exact minor units. */
export function RoleForm({ role, companies, submitLabel, onSubmit, onCancel, notice }: RoleFormProps) {
  const { t } = useTranslation()
  const { options } = useVocab()
  const reference = useReference().data
  const form = useForm<RoleFormValues>({
    mode: 'controlled',
    initialValues: initialRoleValues(role, companies[0]?.id ?? '', reference),
    validate: validateRole(t),
  })
  const [failure, setFailure] = useState<{ error: unknown; rest: FieldError[]; placed: boolean } | null>(null)

  const submit = form.onSubmit(async (values) => {
    setFailure(null)
    try {
      await onSubmit(values.company_id, toRoleBody(values))
    } catch (err) {
      const fieldErrors = err instanceof ApiError ? err.fieldErrors : []
      const { byField, rest } = mapFieldErrors(fieldErrors, ROLE_FIELDS, ROLE_FIELD_MAP)
      form.setErrors(byField)
      setFailure({ error: err, rest, placed: rest.length === 0 && Object.keys(byField).length > 0 })
    }
  })

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xl">
        <Section title={t('splits.roleForm.sections.role')}>
          {!role && companies.length > 1 && (
            <Select
              label={t('splits.roleForm.company')}
              data={companies.map((c) => ({ value: c.id, label: c.name }))}
              required
              allowDeselect={false}
              {...form.getInputProps('company_id')}
            />
          )}
          <TextInput
            label={t('splits.roleForm.title')}
            placeholder={t('splits.roleForm.titlePlaceholder')}
            required
            maxLength={200}
            {...form.getInputProps('title')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('splits.roleForm.function')}
              data={options('functions', reference?.functions ?? [])}
              required
              {...form.getInputProps('function')}
            />
            <Select
              label={t('splits.roleForm.seniority')}
              data={options('seniorities', reference?.seniorities ?? [])}
              required
              {...form.getInputProps('seniority')}
            />
            <Select
              label={t('splits.roleForm.industry')}
              data={options('industries', reference?.industries ?? [])}
              clearable
              {...form.getInputProps('industry')}
              value={form.getValues().industry || null}
            />
            <Select
              label={t('splits.roleForm.employmentType')}
              data={options('employmentTypes', reference?.employment_types ?? [])}
              allowDeselect={false}
              {...form.getInputProps('employment_type')}
            />
          </SimpleGrid>
          <Textarea
            label={t('splits.roleForm.description')}
            placeholder={t('splits.roleForm.descriptionPlaceholder')}
            required
            autosize
            minRows={5}
            maxRows={16}
            {...form.getInputProps('description')}
          />
        </Section>

        <Section title={t('splits.roleForm.sections.where')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput
              label={t('splits.roleForm.location')}
              placeholder={t('splits.roleForm.locationPlaceholder')}
              {...form.getInputProps('location')}
            />
            <TextInput
              label={t('splits.roleForm.country')}
              placeholder={t('splits.roleForm.countryHint')}
              maxLength={2}
              {...form.getInputProps('country')}
            />
            <Select
              label={t('splits.roleForm.workMode')}
              data={options('workModes', reference?.work_modes ?? [])}
              required
              {...form.getInputProps('work_mode')}
            />
          </SimpleGrid>
        </Section>

        <Section title={t('splits.roleForm.sections.pay')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select
              label={t('splits.roleForm.currency')}
              description={t('splits.roleForm.currencyHint')}
              data={reference?.currencies ?? ['USD']}
              allowDeselect={false}
              searchable
              {...form.getInputProps('currency')}
            />
            <TextInput
              label={t('splits.roleForm.salaryMin')}
              description={t('splits.roleForm.majorUnits')}
              inputMode="decimal"
              required
              {...form.getInputProps('salaryMin')}
            />
            <TextInput
              label={t('splits.roleForm.salaryMax')}
              description={t('splits.roleForm.majorUnits')}
              inputMode="decimal"
              required
              {...form.getInputProps('salaryMax')}
            />
            <TextInput
              label={t('splits.roleForm.feePercent')}
              description={t('splits.roleForm.feeHint')}
              inputMode="decimal"
              rightSection={<Text size="sm">%</Text>}
              required
              {...form.getInputProps('feePercent')}
            />
            <NumberInput
              label={t('splits.roleForm.guaranteeDays')}
              description={t('splits.roleForm.guaranteeHint')}
              min={0}
              max={365}
              allowDecimal={false}
              {...form.getInputProps('guarantee_days')}
            />
            <NumberInput
              label={t('splits.roleForm.openings')}
              description={t('splits.roleForm.openingsHint')}
              min={1}
              max={100}
              allowDecimal={false}
              {...form.getInputProps('openings')}
            />
          </SimpleGrid>
          <RecruiterSelect
            label={t('splits.roleForm.jobOwner')}
            description={t('splits.roleForm.jobOwnerHint')}
            labelVisible
            known={
              role?.job_owner ? [{ id: role.job_owner.recruiter_id, name: role.job_owner.name ?? '—' }] : []
            }
            value={form.getValues().job_owner_recruiter_id}
            onChange={(id) => form.setFieldValue('job_owner_recruiter_id', id)}
            error={form.errors.job_owner_recruiter_id as string | undefined}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="role-visibility">
              {t('splits.roleForm.visibility')}
            </Text>
            <SegmentedControl
              aria-labelledby="role-visibility"
              data={options('visibilities', ['all', 'assigned'])}
              {...form.getInputProps('visibility')}
              style={{ alignSelf: 'flex-start' }}
            />
          </Stack>
          {form.getValues().visibility === 'all' && (
            <Switch
              label={t('splits.roleForm.earlyAccess')}
              description={t('splits.roleForm.earlyAccessHint')}
              {...form.getInputProps('early_access', { type: 'checkbox' })}
            />
          )}
        </Section>

        {failure && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle size={18} />}
            title={t('splits.roleForm.saveFailed')}
          >
            <Text size="sm">
              {failure.placed ? t('splits.roleForm.checkFields') : errorMessage(failure.error, t)}
            </Text>
            {failure.rest.map((e) => (
              <Text key={e.field} size="sm">
                {e.field}: {e.message}
              </Text>
            ))}
          </Alert>
        )}
        {notice}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
