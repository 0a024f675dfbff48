import { Anchor, Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core'
import { IconShieldCheck, IconUserCircle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { usePageTitle } from '../../app/use-page-title'
import { Fact } from '../../components/fact'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { QueryError } from '../../components/query-error'
import { SectionCard } from '../../components/section-card'
import { formatDate } from '../../lib/format'
import { useVocab } from '../reference/use-vocab'
import { useRecruiterProfile } from './discovery-api'

/**
 * A recruiter's public profile: specialisations, bio and a track record counted from placements
 * (verified = past the guarantee). No star ratings (seed 002 §8.6), no contact details.
 */
export function RecruiterProfilePage() {
  const { t, i18n } = useTranslation()
  const id = useParams().id ?? ''
  const { label } = useVocab()
  const profile = useRecruiterProfile(id)
  const r = profile.data
  usePageTitle(r?.display_name ?? t('splits.discovery.recruiter.title'))

  if (profile.isPending) return <LoadingState />
  if (!r)
    return (
      <QueryError
        error={profile.error}
        signInTitle={t('splits.discovery.recruiter.signIn')}
        onRetry={() => profile.refetch()}
      />
    )
  const spec = r.specializations
  const tags: [string, string[]][] = [
    [t('splits.discovery.recruiter.functions'), spec.function.map((f) => label('functions', f))],
    [t('splits.discovery.recruiter.industries'), spec.industry.map((f) => label('industries', f))],
    [t('splits.discovery.recruiter.seniorities'), spec.seniority.map((f) => label('seniorities', f))],
    [t('splits.discovery.recruiter.locations'), spec.locations],
  ]
  return (
    <>
      <PageHeader
        title={
          <Group gap="sm" wrap="nowrap">
            <IconUserCircle size={30} stroke={1.6} style={{ flexShrink: 0 }} />
            <span>{r.display_name}</span>
          </Group>
        }
        description={[r.headline, r.agency?.name, r.location].filter(Boolean).join(' · ') || undefined}
      />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
          <Fact label={t('splits.discovery.recruiter.verified')}>
            <Group gap={6}>
              <IconShieldCheck size={20} color="var(--mantine-color-teal-7)" />
              <Text fw={700} size="xl" data-testid="verified-placements">
                {r.verified_placements}
              </Text>
            </Group>
          </Fact>
          <Fact label={t('splits.discovery.recruiter.inGuarantee')}>
            <Text fw={700} size="xl">
              {r.placements_in_guarantee}
            </Text>
          </Fact>
          <Fact label={t('splits.discovery.recruiter.rolesWorked')}>
            <Text fw={700} size="xl">
              {r.roles_worked}
            </Text>
          </Fact>
          <Fact label={t('splits.discovery.recruiter.companies')}>
            <Text fw={700} size="xl">
              {r.companies_worked_with}
            </Text>
          </Fact>
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('splits.discovery.recruiter.verifiedHint')}
        </Text>
        <SectionCard title={t('splits.discovery.recruiter.specialisations')}>
          <Stack gap="sm">
            {tags.map(([name, values]) => (
              <Group key={name} gap={6} align="baseline">
                <Text size="sm" fw={600} w={110}>
                  {name}
                </Text>
                {values.length ? (
                  values.map((v) => (
                    <Badge key={v} variant="light" tt="none">
                      {v}
                    </Badge>
                  ))
                ) : (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Group>
            ))}
          </Stack>
        </SectionCard>
        <SectionCard title={t('splits.discovery.recruiter.about')}>
          <Stack gap="sm">
            <Text style={{ whiteSpace: 'pre-wrap' }}>{r.bio || t('splits.discovery.recruiter.noBio')}</Text>
            <Text size="sm" c="dimmed">
              {[
                r.years_experience !== null
                  ? t('splits.discovery.recruiter.years', { count: r.years_experience })
                  : null,
                t('splits.discovery.recruiter.memberSince', {
                  date: formatDate(r.member_since, i18n.language),
                }),
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
            {r.linkedin_url && (
              <Anchor href={r.linkedin_url} target="_blank" rel="noopener noreferrer" size="sm">
                LinkedIn
              </Anchor>
            )}
          </Stack>
        </SectionCard>
      </Stack>
    </>
  )
}
