import {
  Alert,
  Anchor,
  Button,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { useDebouncedValue } from '@mantine/hooks'
import { IconAlertTriangle } from '@tabler/icons-react'
import { type ReactNode, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { ApiError, errorMessage } from '../../api/client'
import { mapFieldErrors } from '../../lib/field-errors'
import { useReference } from '../reference/reference-api'
import type { PrefilledField } from '../resume-import/draft-to-form'
import { type FieldEvidence, prefilledProps } from '../resume-import/evidence'
import {
  CANDIDATE_FIELD_MAP,
  CANDIDATE_FIELDS,
  type CandidateFormValues,
  EMPTY_CANDIDATE,
  toCandidateBody,
  validateCandidate,
} from './candidate-form-values'
import { type Candidate, duplicateCheckBody, useCreateCandidate, useDuplicateCheck } from './candidates-api'
import { ConsentFields } from './consent-fields'
import { DuplicateWarnings } from './duplicate-warnings'

interface CandidateFormProps {
  submitLabel: string
  onCreated: (candidate: Candidate) => void | Promise<void>
  onCancel?: () => void
  /** Fewer fields, for adding someone inline while submitting them. */
  compact?: boolean
  /** Where the candidate is about to be submitted: a representation there is flagged as blocking. */
  company?: { id: string; name: string }
  /** Consent is required (submitting needs it). */
  requireConsent?: boolean
  /** The recruiter already has this person: offer to use that record. */
  onUseExisting?: (candidateId: string) => void
  /** More fields after the candidate's own (e.g. the submission's note), before the buttons. */
  extra?: ReactNode
  /** Values read from a resume, to correct before saving (the form is keyed by the draft). */
  initialValues?: Partial<CandidateFormValues>
  /** Where each pre-filled value came from: highlighted, with the resume's text on hover. */
  evidence?: Partial<Record<PrefilledField, FieldEvidence>>
}

/** Add a candidate; other recruiters' records of the same person are shown live as contacts are typed. */
export function CandidateForm({
  submitLabel,
  onCreated,
  onCancel,
  compact = false,
  company,
  requireConsent = false,
  onUseExisting,
  extra,
  initialValues,
  evidence,
}: CandidateFormProps) {
  const { t } = useTranslation()
  const reference = useReference().data
  const create = useCreateCandidate()
  const [failure, setFailure] = useState<unknown>(null)
  const form = useForm<CandidateFormValues>({
    mode: 'controlled',
    initialValues: { ...EMPTY_CANDIDATE, ...initialValues },
    validate: {
      ...validateCandidate(t),
      consent: (value: boolean) => (requireConsent && !value ? t('splits.consent.requiredError') : null),
    },
  })
  const v = form.getValues()
  const marked = (field: PrefilledField, label: string) => prefilledProps(label, evidence?.[field])
  const [contacts] = useDebouncedValue(
    duplicateCheckBody({
      email: v.email,
      phone: v.phone,
      linkedin_url: v.linkedin_url,
      github_url: v.github_url,
      country: v.country.trim().length === 2 ? v.country.toUpperCase() : undefined,
    }),
    400,
  )
  const duplicates = useDuplicateCheck(contacts)

  const submit = form.onSubmit(async (values) => {
    setFailure(null)
    let created: Candidate
    try {
      created = (await create.mutateAsync(toCandidateBody(values))).candidate
    } catch (err) {
      if (err instanceof ApiError) {
        const { byField } = mapFieldErrors(err.fieldErrors, CANDIDATE_FIELDS, CANDIDATE_FIELD_MAP)
        form.setErrors(byField)
      }
      setFailure(err)
      return
    }
    // What happens next (a submission, a navigation) reports its own errors.
    await onCreated(created)
  })
  const existing =
    failure instanceof ApiError && failure.code === 'duplicate_candidate'
      ? (failure.problem.existing_candidate_id as string | undefined)
      : undefined

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            {...marked('full_name', t('splits.candidateForm.fullName'))}
            required
            {...form.getInputProps('full_name')}
          />
          <TextInput
            {...marked('current_title', t('splits.candidateForm.currentTitle'))}
            {...form.getInputProps('current_title')}
          />
          <TextInput
            {...marked('email', t('splits.candidateForm.email'))}
            type="email"
            autoComplete="off"
            {...form.getInputProps('email')}
          />
          <TextInput
            {...marked('phone', t('splits.candidateForm.phone'))}
            type="tel"
            autoComplete="off"
            {...form.getInputProps('phone')}
          />
          <TextInput
            label={t('splits.candidateForm.linkedin')}
            placeholder="https://www.linkedin.com/in/…"
            {...form.getInputProps('linkedin_url')}
          />
          <TextInput
            label={t('splits.candidateForm.github')}
            placeholder="https://github.com/…"
            {...form.getInputProps('github_url')}
          />
        </SimpleGrid>
        <DuplicateWarnings warnings={duplicates.data?.warnings ?? []} company={company} />
        <SimpleGrid cols={{ base: 1, sm: compact ? 2 : 3 }} spacing="sm">
          <TextInput
            {...marked('location', t('splits.candidateForm.location'))}
            {...form.getInputProps('location')}
          />
          <TextInput
            label={t('splits.candidateForm.country')}
            placeholder={t('splits.roleForm.countryHint')}
            maxLength={2}
            {...form.getInputProps('country')}
          />
          {!compact && (
            <NumberInput
              {...marked('years_experience', t('splits.candidateForm.years'))}
              min={0}
              max={70}
              allowDecimal={false}
              {...form.getInputProps('years_experience')}
            />
          )}
        </SimpleGrid>
        <TagsInput
          {...marked('skills', t('splits.candidateForm.skills'))}
          placeholder={t('splits.candidateForm.skillsPlaceholder')}
          {...form.getInputProps('skills')}
        />
        {!compact && (
          <>
            <Group gap={6} wrap="nowrap" align="flex-start" grow preventGrowOverflow={false}>
              <Select
                label={t('splits.candidateForm.currency')}
                data={reference?.currencies ?? ['USD']}
                allowDeselect={false}
                maw={110}
                {...form.getInputProps('currency')}
              />
              <TextInput
                label={t('splits.candidateForm.salaryMin')}
                inputMode="decimal"
                {...form.getInputProps('salaryMin')}
              />
              <TextInput
                label={t('splits.candidateForm.salaryMax')}
                inputMode="decimal"
                {...form.getInputProps('salaryMax')}
              />
            </Group>
            <TextInput label={t('splits.candidateForm.website')} {...form.getInputProps('website_url')} />
            <Textarea
              label={t('splits.candidateForm.notes')}
              description={t('splits.candidateForm.notesHint')}
              autosize
              minRows={2}
              {...form.getInputProps('notes')}
            />
          </>
        )}
        <ConsentFields
          name={v.full_name}
          checked={v.consent}
          onCheckedChange={(checked) => form.setFieldValue('consent', checked)}
          method={v.consentMethod}
          onMethodChange={(method) => form.setFieldValue('consentMethod', method)}
          error={form.errors.consent as string | undefined}
        />
        {extra}
        {failure !== null && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
            <Text size="sm">{errorMessage(failure, t)}</Text>
            {existing && (
              <Group gap="sm" mt={6}>
                {onUseExisting ? (
                  <Button size="xs" variant="light" onClick={() => onUseExisting(existing)}>
                    {t('splits.candidateForm.useExisting')}
                  </Button>
                ) : (
                  <Anchor component={Link} to={`/splits/candidates/${existing}`} size="sm">
                    {t('splits.duplicates.openYours')}
                  </Anchor>
                )}
              </Group>
            )}
          </Alert>
        )}
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" loading={form.submitting}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
