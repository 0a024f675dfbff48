import { Badge, Card, Group, List, Rating, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { isNotFound } from '../../api/client'
import { usePageTitle } from '../../app/use-page-title'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { NotFoundState } from '../../components/not-found-state'
import { useProfessional } from '../ofair-leads/ofair-api'
import { ProReviewsSection } from '../ofair-reviews/pro-reviews-section'

/** A professional's public profile: rating, reviews and past jobs; never a phone, email or address. */
export function ProfessionalPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const pro = useProfessional(id)
  usePageTitle(pro.data?.display_name ?? t('ofair.pro.pageTitle'))
  if (pro.isPending) return <LoadingState />
  if (pro.isError) return isNotFound(pro.error) ? <NotFoundState /> : <ErrorAlert error={pro.error} />
  const p = pro.data
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1} fz={{ base: 24, sm: 28 }}>
            {p.display_name}
          </Title>
          <Text c="dimmed">
            {p.profession.name}
            {p.company_name && ` · ${p.company_name}`} · {p.base_locality.name}
          </Text>
        </Stack>
        <Group gap="xs">
          {p.verified && <Badge color="teal">{t('ofair.pro.verified')}</Badge>}
          {p.subscriber && <Badge color="yellow">{t('ofair.pro.subscriber')}</Badge>}
        </Group>
      </Group>
      <Group gap="md">
        {p.rating !== null && <Rating value={p.rating} fractions={10} readOnly />}
        <Text>{t('ofair.pro.reviews', { count: p.review_count })}</Text>
        <Text>{t('ofair.pro.pastJobs', { count: p.past_jobs_count })}</Text>
      </Group>
      {p.about && (
        <Card withBorder radius="md">
          <Text>{p.about}</Text>
        </Card>
      )}
      <Card withBorder radius="md">
        <Stack gap="xs">
          <Title order={2} fz="lg">
            {t('ofair.pro.areas')}
          </Title>
          <Text size="sm">
            {t('ofair.pro.radius', { km: p.service_radius_km, place: p.base_locality.name })}
          </Text>
          <Group gap={6}>
            {p.specialties.map((s) => (
              <Badge key={s.id} variant="light">
                {s.name}
              </Badge>
            ))}
          </Group>
        </Stack>
      </Card>
      <ProReviewsSection professionalId={p.id} />
      {p.past_jobs.length > 0 && (
        <Card withBorder radius="md">
          <Title order={2} fz="lg" mb="xs">
            {t('ofair.pro.pastJobsTitle')}
          </Title>
          <List size="sm">
            {p.past_jobs.map((j) => (
              <List.Item key={`${j.title}-${j.completed_at}`}>
                {j.title} · {j.locality.name} · {new Date(j.completed_at).toLocaleDateString('he-IL')}
              </List.Item>
            ))}
          </List>
        </Card>
      )}
    </Stack>
  )
}
