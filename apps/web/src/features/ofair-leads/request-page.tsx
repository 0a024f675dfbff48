import { Alert, Button, Card, Group, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { usePageTitle } from '../../app/use-page-title'
import { ErrorAlert } from '../../components/error-alert'
import { PageHeader } from '../../components/page-header'
import { useCurrentUser } from '../auth/auth-api'
import { LocalitySelect } from './locality-select'
import { shekels, useCategories, useCreateLead } from './ofair-api'

/**
 * The consumer's request. The phone is confirmed first, by the one-time code of signing in (no
 * account to fill in); the request is published under that number and opens as "my request".
 */
export function RequestPage() {
  const { t } = useTranslation()
  usePageTitle(t('ofair.request.title'))
  const user = useCurrentUser()
  const navigate = useNavigate()
  const categories = useCategories()
  const create = useCreateLead()
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [category, setCategory] = useState<string | null>(null)
  const [locality, setLocality] = useState<number | null>(null)
  const [street, setStreet] = useState('')
  // the signed-in person's name until they type another (the session may arrive after the first render)
  const [typedName, setName] = useState<string | null>(null)
  const name = typedName ?? user?.display_name ?? ''
  const [budget, setBudget] = useState<number | string>('')
  const [schedule, setSchedule] = useState('')

  if (!user)
    return (
      <>
        <PageHeader title={t('ofair.request.title')} description={t('ofair.request.description')} />
        <Alert color="teal" title={t('ofair.request.phoneFirstTitle')}>
          <Stack gap="sm">
            {t('ofair.request.phoneFirst')}
            <Group>
              <Button component={Link} to="/ofair/sign-in?next=/ofair/request">
                {t('ofair.request.confirmPhone')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      </>
    )

  return (
    <>
      <PageHeader title={t('ofair.request.title')} description={t('ofair.request.description')} />
      <Card withBorder radius="md" padding="md" maw={640}>
        <form
          onSubmit={(e) => {
            e.preventDefault()
            create.mutate(
              {
                type: 'consumer',
                title: title.trim(),
                short_description: description.trim().slice(0, 500),
                full_description: description.trim(),
                category_id: category ?? '',
                locality_id: locality ?? 0,
                street: street.trim(),
                client_name: name.trim(),
                preferred_schedule: schedule.trim() || null,
                ...(Number(budget) > 0 ? { budget_max: shekels(Number(budget)) } : {}),
              },
              { onSuccess: (lead) => navigate(`/ofair/leads/${(lead as { id: string }).id}?sent=1`) },
            )
          }}
        >
          <Stack gap="sm">
            <TextInput
              label={t('ofair.request.what')}
              required
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
            />
            <Textarea
              label={t('ofair.request.details')}
              required
              autosize
              minRows={3}
              value={description}
              onChange={(e) => setDescription(e.currentTarget.value)}
            />
            <Select
              label={t('ofair.create.category')}
              required
              searchable
              data={(categories.data?.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              value={category}
              onChange={setCategory}
            />
            <LocalitySelect
              label={t('ofair.create.locality')}
              required
              value={locality}
              onChange={(id) => setLocality(id)}
            />
            <TextInput
              label={t('ofair.create.street')}
              required
              value={street}
              onChange={(e) => setStreet(e.currentTarget.value)}
            />
            <TextInput
              label={t('ofair.request.name')}
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
            />
            <NumberInput
              label={t('ofair.request.budget')}
              min={0}
              thousandSeparator=","
              suffix=" ₪"
              value={budget}
              onChange={setBudget}
            />
            <TextInput
              label={t('ofair.create.schedule')}
              placeholder={t('ofair.create.schedulePlaceholder')}
              value={schedule}
              onChange={(e) => setSchedule(e.currentTarget.value)}
            />
            <Alert color="gray" variant="light">
              {t('ofair.request.privacy')}
            </Alert>
            {create.isError && <ErrorAlert error={create.error} />}
            <Group justify="flex-end">
              <Button type="submit" loading={create.isPending}>
                {t('ofair.request.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
    </>
  )
}
