import {
  Alert,
  Button,
  Card,
  FileInput,
  Group,
  List,
  NumberInput,
  Select,
  Slider,
  Stack,
  Stepper,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { usePageTitle } from '../../app/use-page-title'
import { ErrorAlert } from '../../components/error-alert'
import { PageHeader } from '../../components/page-header'
import { LocalitySelect } from './locality-select'
import { shekels, useCategories, useCreateLead } from './ofair-api'
import { type StoredFile, uploadFile } from './upload-file'

interface Draft {
  title: string
  short_description: string
  category_id: string | null
  subcategory_id: string | null
  locality_id: number | null
  locality_name: string
  preferred_schedule: string
  client_name: string
  client_phone: string
  street: string
  client_notes: string
  files: StoredFile[]
  referrer_share_percentage: number
  estimated_budget: number | string
}

const EMPTY: Draft = {
  title: '',
  short_description: '',
  category_id: null,
  subcategory_id: null,
  locality_id: null,
  locality_name: '',
  preferred_schedule: '',
  client_name: '',
  client_phone: '',
  street: '',
  client_notes: '',
  files: [],
  referrer_share_percentage: 20,
  estimated_budget: '',
}

/** The professional's lead, in five steps: basic → client → attachments → commission → publish. */
export function CreateLeadPage() {
  const { t } = useTranslation()
  usePageTitle(t('ofair.create.title'))
  const navigate = useNavigate()
  const categories = useCategories()
  const create = useCreateLead()
  const [step, setStep] = useState(0)
  const [d, setD] = useState<Draft>(EMPTY)
  const [uploadError, setUploadError] = useState<unknown>(null)
  const [uploading, setUploading] = useState(false)
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }))
  const category = categories.data?.data.find((c) => c.id === d.category_id)
  const ready = [
    d.title.trim().length >= 3 &&
      d.short_description.trim() &&
      d.category_id &&
      d.locality_id &&
      d.preferred_schedule.trim(),
    d.client_name.trim() && d.client_phone.trim() && d.street.trim(),
    true,
    Number(d.estimated_budget) > 0,
  ]
  const publish = () =>
    create.mutate(
      {
        type: 'professional_referral',
        title: d.title.trim(),
        short_description: d.short_description.trim(),
        category_id: d.category_id ?? '',
        subcategory_id: d.subcategory_id,
        locality_id: d.locality_id ?? 0,
        street: d.street.trim(),
        client_name: d.client_name.trim(),
        client_phone: d.client_phone.trim(),
        client_notes: d.client_notes.trim(),
        preferred_schedule: d.preferred_schedule.trim(),
        estimated_budget: shekels(Number(d.estimated_budget)),
        referrer_share_percentage: d.referrer_share_percentage,
        attachment_ids: d.files.map((f) => f.id),
      },
      { onSuccess: (lead) => navigate(`/ofair/leads/${(lead as { id: string }).id}`) },
    )

  return (
    <>
      <PageHeader title={t('ofair.create.title')} description={t('ofair.create.description')} />
      <Card withBorder radius="md" padding="md">
        <Stepper
          active={step}
          onStepClick={(s) => s < step && setStep(s)}
          size="sm"
          allowNextStepsSelect={false}
        >
          <Stepper.Step label={t('ofair.create.steps.basic')}>
            <Stack gap="sm" mt="md">
              <TextInput
                label={t('ofair.create.leadTitle')}
                required
                value={d.title}
                onChange={(e) => set('title', e.currentTarget.value)}
              />
              <Textarea
                label={t('ofair.create.shortDescription')}
                description={t('ofair.create.shortDescriptionHelp')}
                required
                value={d.short_description}
                onChange={(e) => set('short_description', e.currentTarget.value)}
              />
              <Group grow align="flex-start">
                <Select
                  label={t('ofair.create.category')}
                  required
                  searchable
                  data={(categories.data?.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
                  value={d.category_id}
                  onChange={(v) => setD((x) => ({ ...x, category_id: v, subcategory_id: null }))}
                />
                <Select
                  label={t('ofair.create.subcategory')}
                  clearable
                  disabled={!category}
                  data={(category?.subcategories ?? []).map((c) => ({ value: c.id, label: c.name }))}
                  value={d.subcategory_id}
                  onChange={(v) => set('subcategory_id', v)}
                />
              </Group>
              <LocalitySelect
                label={t('ofair.create.locality')}
                required
                value={d.locality_id}
                initialName={d.locality_name}
                onChange={(id, name) => setD((x) => ({ ...x, locality_id: id, locality_name: name ?? '' }))}
              />
              <TextInput
                label={t('ofair.create.schedule')}
                placeholder={t('ofair.create.schedulePlaceholder')}
                required
                value={d.preferred_schedule}
                onChange={(e) => set('preferred_schedule', e.currentTarget.value)}
              />
            </Stack>
          </Stepper.Step>
          <Stepper.Step label={t('ofair.create.steps.client')}>
            <Stack gap="sm" mt="md">
              <Alert color="teal" variant="light">
                {t('ofair.create.clientPrivate')}
              </Alert>
              <TextInput
                label={t('ofair.create.clientName')}
                required
                value={d.client_name}
                onChange={(e) => set('client_name', e.currentTarget.value)}
              />
              <TextInput
                label={t('ofair.create.clientPhone')}
                placeholder="050-123-4567"
                required
                dir="ltr"
                inputMode="tel"
                value={d.client_phone}
                onChange={(e) => set('client_phone', e.currentTarget.value)}
              />
              <TextInput
                label={t('ofair.create.street')}
                required
                value={d.street}
                onChange={(e) => set('street', e.currentTarget.value)}
              />
              <Textarea
                label={t('ofair.create.clientNotes')}
                value={d.client_notes}
                onChange={(e) => set('client_notes', e.currentTarget.value)}
              />
            </Stack>
          </Stepper.Step>
          <Stepper.Step label={t('ofair.create.steps.attachments')}>
            <Stack gap="sm" mt="md">
              <FileInput
                label={t('ofair.create.attach')}
                description={t('ofair.create.attachHelp')}
                accept="image/jpeg,image/png,image/webp,application/pdf"
                clearable
                disabled={uploading || d.files.length >= 10}
                value={null}
                onChange={async (file) => {
                  if (!file) return
                  setUploading(true)
                  setUploadError(null)
                  try {
                    const stored = await uploadFile(file, 'lead_attachment')
                    setD((x) => ({ ...x, files: [...x.files, stored] }))
                  } catch (err) {
                    setUploadError(err)
                  } finally {
                    setUploading(false)
                  }
                }}
              />
              {uploadError !== null && <ErrorAlert error={uploadError} />}
              {d.files.length > 0 && (
                <List size="sm">
                  {d.files.map((f) => (
                    <List.Item key={f.id}>{f.name}</List.Item>
                  ))}
                </List>
              )}
            </Stack>
          </Stepper.Step>
          <Stepper.Step label={t('ofair.create.steps.commission')}>
            <Stack gap="sm" mt="md">
              <NumberInput
                label={t('ofair.create.budget')}
                required
                min={1}
                thousandSeparator=","
                suffix=" ₪"
                value={d.estimated_budget}
                onChange={(v) => set('estimated_budget', v)}
              />
              <Text size="sm" fw={500}>
                {t('ofair.create.share', { percent: d.referrer_share_percentage })}
              </Text>
              <Slider
                min={0}
                max={90}
                step={5}
                value={d.referrer_share_percentage}
                onChange={(v) => set('referrer_share_percentage', v)}
                label={(v) => `${v}%`}
                aria-label={t('ofair.create.shareLabel')}
              />
              <Text size="sm" c="dimmed">
                {t('ofair.create.shareHelp')}
              </Text>
            </Stack>
          </Stepper.Step>
          <Stepper.Completed>
            <Stack gap="sm" mt="md">
              <Text fw={600}>{t('ofair.create.review')}</Text>
              <Text>{d.title}</Text>
              <Text size="sm" c="dimmed">
                {category?.name} · {d.locality_name} · {d.preferred_schedule}
              </Text>
              <Text size="sm">{t('ofair.create.share', { percent: d.referrer_share_percentage })}</Text>
              {create.isError && <ErrorAlert error={create.error} />}
            </Stack>
          </Stepper.Completed>
        </Stepper>
        <Group justify="space-between" mt="lg">
          <Button variant="default" disabled={step === 0} onClick={() => setStep((s) => s - 1)}>
            {t('ofair.create.back')}
          </Button>
          {step < 4 ? (
            <Button disabled={!ready[step]} onClick={() => setStep((s) => s + 1)}>
              {t('ofair.create.next')}
            </Button>
          ) : (
            <Button loading={create.isPending} onClick={publish}>
              {t('ofair.create.publish')}
            </Button>
          )}
        </Group>
      </Card>
    </>
  )
}
