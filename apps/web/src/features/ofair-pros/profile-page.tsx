import {
  Alert,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  List,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api, isNotFound } from '../../api/client'
import { unwrap } from '../../api/use-api'
import { usePageTitle } from '../../app/use-page-title'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { hasRole } from '../../lib/roles'
import { useCurrentUser } from '../auth/auth-api'
import { LocalitySelect } from '../ofair-leads/locality-select'
import { useCategories, useMyProfessional, useSaveProfessional } from '../ofair-leads/ofair-api'
import { uploadFile } from '../ofair-leads/upload-file'
import { ConsumerProfileCard } from './consumer-profile-card'

const STATUS_COLOR = { pending: 'orange', verified: 'teal', rejected: 'red', suspended: 'gray' } as const
const WORK_DAYS = ['sun', 'mon', 'tue', 'wed', 'thu'] as const

/** Professional onboarding and profile: trade, business number, areas, hours and certificates. */
export function ProfilePage() {
  const { t } = useTranslation()
  usePageTitle(t('ofair.profile.title'))
  const me = useMyProfessional()
  const consumer = hasRole(useCurrentUser(), 'consumer')
  if (me.isPending) return <LoadingState />
  if (me.isError && !isNotFound(me.error)) return <ErrorAlert error={me.error} />
  return (
    <>
      <ProfileForm existing={me.data} />
      {consumer && <ConsumerProfileCard />}
    </>
  )
}

function ProfileForm({ existing }: { existing: ReturnType<typeof useMyProfessional>['data'] }) {
  const { t } = useTranslation()
  const categories = useCategories()
  const save = useSaveProfessional()
  const queryClient = useQueryClient()
  const [name, setName] = useState(existing?.display_name ?? '')
  const [profession, setProfession] = useState<string | null>(existing?.profession.id ?? null)
  const [specialties, setSpecialties] = useState<string[]>(existing?.specialties.map((s) => s.id) ?? [])
  const [company, setCompany] = useState(existing?.company_name ?? '')
  const [type, setType] = useState<string | null>(existing?.business_type ?? 'osek_murshe')
  const [number, setNumber] = useState(existing?.business_number ?? '')
  const [locality, setLocality] = useState<number | null>(existing?.base_locality.id ?? null)
  const [radius, setRadius] = useState<number | string>(existing?.service_radius_km ?? 25)
  const [from, setFrom] = useState(existing?.working_hours.sun?.[0]?.[0] ?? '08:00')
  const [to, setTo] = useState(existing?.working_hours.sun?.[0]?.[1] ?? '17:00')
  const [about, setAbout] = useState(existing?.about ?? '')
  const [certError, setCertError] = useState<unknown>(null)
  const [certTitle, setCertTitle] = useState('')
  useEffect(() => setCertError(null), [])
  const subs = categories.data?.data.find((c) => c.id === profession)?.subcategories ?? []

  const submit = () =>
    save.mutate(
      {
        display_name: name.trim(),
        profession_category_id: profession ?? '',
        company_name: company.trim() || null,
        business_number: number.trim(),
        business_type: (type ?? 'osek_murshe') as 'osek_murshe',
        specialties,
        base_locality_id: locality ?? 0,
        service_radius_km: Number(radius),
        working_hours: Object.fromEntries(WORK_DAYS.map((d) => [d, [[from, to]]])) as never,
        about: about.trim(),
        ...(existing ? { version: existing.version } : {}),
      },
      // the professional role arrives with the profile: the session and menus follow
      { onSuccess: () => void queryClient.invalidateQueries() },
    )

  const addCertificate = async (file: File | null) => {
    if (!file) return
    setCertError(null)
    try {
      const stored = await uploadFile(file, 'certificate')
      await unwrap(
        api.POST('/api/ofair/professionals/me/certificates', {
          body: { file_id: stored.id, title: certTitle.trim() || file.name },
        }),
      )
      setCertTitle('')
      await queryClient.invalidateQueries({ queryKey: ['ofair', 'me'] })
    } catch (err) {
      setCertError(err)
    }
  }

  return (
    <>
      <PageHeader
        title={existing ? t('ofair.profile.title') : t('ofair.profile.onboardTitle')}
        description={existing ? t('ofair.profile.description') : t('ofair.profile.onboardDescription')}
        actions={
          existing && (
            <Badge size="lg" color={STATUS_COLOR[existing.status]} data-testid="pro-status">
              {t(`ofair.profile.status.${existing.status}`)}
            </Badge>
          )
        }
      />
      {existing?.status === 'pending' && (
        <Alert color="orange" mb="md">
          {t('ofair.profile.pendingNote')}
        </Alert>
      )}
      <Stack gap="md">
        <Card withBorder radius="md">
          <form
            onSubmit={(e) => {
              e.preventDefault()
              submit()
            }}
          >
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('ofair.profile.name')}
                  required
                  value={name}
                  onChange={(e) => setName(e.currentTarget.value)}
                />
                <TextInput
                  label={t('ofair.profile.company')}
                  value={company}
                  onChange={(e) => setCompany(e.currentTarget.value)}
                />
                <Select
                  label={t('ofair.profile.profession')}
                  required
                  searchable
                  data={(categories.data?.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
                  value={profession}
                  onChange={(v) => {
                    setProfession(v)
                    setSpecialties([])
                  }}
                />
                <MultiSelect
                  label={t('ofair.profile.specialties')}
                  data={subs.map((s) => ({ value: s.id, label: s.name }))}
                  value={specialties}
                  onChange={setSpecialties}
                  disabled={!profession}
                />
                <Select
                  label={t('ofair.profile.businessType')}
                  required
                  data={(['osek_murshe', 'osek_patur', 'company'] as const).map((v) => ({
                    value: v,
                    label: t(`ofair.profile.businessTypes.${v}`),
                  }))}
                  value={type}
                  onChange={setType}
                />
                <TextInput
                  label={t('ofair.profile.businessNumber')}
                  description={t('ofair.profile.businessNumberHelp')}
                  required
                  dir="ltr"
                  inputMode="numeric"
                  value={number}
                  onChange={(e) => setNumber(e.currentTarget.value)}
                />
                <LocalitySelect
                  label={t('ofair.profile.base')}
                  required
                  value={locality}
                  initialName={existing?.base_locality.name}
                  onChange={(id) => setLocality(id)}
                />
                <NumberInput
                  label={t('ofair.profile.radius')}
                  min={1}
                  max={150}
                  suffix=" ק״מ"
                  value={radius}
                  onChange={setRadius}
                />
                <TextInput
                  label={t('ofair.profile.from')}
                  dir="ltr"
                  inputMode="numeric"
                  placeholder="08:00"
                  value={from}
                  onChange={(e) => setFrom(e.currentTarget.value)}
                />
                <TextInput
                  label={t('ofair.profile.to')}
                  dir="ltr"
                  inputMode="numeric"
                  placeholder="17:00"
                  value={to}
                  onChange={(e) => setTo(e.currentTarget.value)}
                />
              </SimpleGrid>
              <Text size="xs" c="dimmed">
                {t('ofair.profile.hoursNote')}
              </Text>
              <Textarea
                label={t('ofair.profile.about')}
                autosize
                minRows={2}
                value={about}
                onChange={(e) => setAbout(e.currentTarget.value)}
              />
              {save.isError && <ErrorAlert error={save.error} />}
              {save.isSuccess && <Alert color="teal">{t('ofair.profile.saved')}</Alert>}
              <Group justify="flex-end">
                <Button type="submit" loading={save.isPending}>
                  {existing ? t('ofair.profile.save') : t('ofair.profile.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
        {existing && (
          <Card withBorder radius="md">
            <Stack gap="sm">
              <Title order={2} fz="lg">
                {t('ofair.profile.certificates')}
              </Title>
              {existing.certificates.length > 0 && (
                <List size="sm">
                  {existing.certificates.map((c) => (
                    <List.Item key={c.id}>
                      <a href={c.url} target="_blank" rel="noreferrer">
                        {c.title}
                      </a>
                    </List.Item>
                  ))}
                </List>
              )}
              <TextInput
                label={t('ofair.profile.certTitle')}
                value={certTitle}
                onChange={(e) => setCertTitle(e.currentTarget.value)}
              />
              <FileInput
                label={t('ofair.profile.certFile')}
                description={t('ofair.create.attachHelp')}
                accept="image/jpeg,image/png,image/webp,application/pdf"
                value={null}
                onChange={(f) => void addCertificate(f)}
              />
              {certError !== null && <ErrorAlert error={certError} />}
            </Stack>
          </Card>
        )}
      </Stack>
    </>
  )
}
