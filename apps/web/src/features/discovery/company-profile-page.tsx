import { Anchor, Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core'
import { IconBuilding, IconMapPin } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { usePageTitle } from '../../app/use-page-title'
import { BackLink } from '../../components/back-link'
import { Fact } from '../../components/fact'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { QueryError } from '../../components/query-error'
import { SectionCard } from '../../components/section-card'
import { formatDate } from '../../lib/format'
import { useViewer } from '../auth/use-viewer'
import { useVocab } from '../reference/use-vocab'
import { RoleCard } from '../roles/role-card'
import { useCompanyProfile } from './discovery-api'

/** A company's public profile: about, industry, where it hires, its open roles, hires made here. */
export function CompanyProfilePage() {
  const { t, i18n } = useTranslation()
  const slug = useParams().slug ?? ''
  const viewer = useViewer()
  const { label } = useVocab()
  const profile = useCompanyProfile(slug)
  const c = profile.data
  usePageTitle(c?.name ?? t('splits.discovery.company.title'))

  if (profile.isPending) return <LoadingState />
  if (!c)
    return (
      <QueryError
        error={profile.error}
        signInTitle={t('splits.discovery.company.signIn')}
        onRetry={() => profile.refetch()}
        backTo="/splits/roles"
        backLabel={t('splits.discovery.backToRoles')}
      />
    )
  return (
    <>
      <BackLink to="/splits/roles" label={t('splits.discovery.backToRoles')} />
      <PageHeader
        title={
          <Group gap="sm" wrap="nowrap">
            <IconBuilding size={28} stroke={1.6} style={{ flexShrink: 0 }} />
            <span>{c.name}</span>
          </Group>
        }
        description={c.industry ? label('industries', c.industry) : undefined}
      />
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md">
          <Fact label={t('splits.discovery.company.openRoles')}>
            <Text fw={700} size="xl">
              {c.open_roles_count}
            </Text>
          </Fact>
          <Fact label={t('splits.discovery.company.placements')}>
            <Text fw={700} size="xl">
              {c.placements_count}
            </Text>
          </Fact>
          <Fact label={t('splits.discovery.company.size')}>
            {c.size_band ? t('splits.discovery.company.people', { band: c.size_band }) : '—'}
          </Fact>
          <Fact label={t('splits.discovery.company.memberSince')}>
            {formatDate(c.member_since, i18n.language)}
          </Fact>
        </SimpleGrid>
        <SectionCard title={t('splits.discovery.company.about')}>
          <Stack gap="sm">
            <Text style={{ whiteSpace: 'pre-wrap' }}>{c.about || t('splits.discovery.company.noAbout')}</Text>
            {c.website && (
              <Anchor href={c.website} target="_blank" rel="noopener noreferrer" size="sm">
                {c.website}
              </Anchor>
            )}
            {c.locations.length > 0 && (
              <Group gap={6}>
                <IconMapPin size={16} />
                {c.locations.map((l) => (
                  <Badge key={l} variant="outline" color="gray" tt="none">
                    {l}
                  </Badge>
                ))}
              </Group>
            )}
          </Stack>
        </SectionCard>
        <SectionCard title={t('splits.discovery.company.rolesTitle', { count: c.open_roles_count })}>
          {c.open_roles.length === 0 ? (
            <Text c="dimmed">{t('splits.discovery.company.noRoles')}</Text>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              {c.open_roles.map((role) => (
                <RoleCard key={role.id} role={role} showStatus={false} showFee={Boolean(viewer.recruiter)} />
              ))}
            </SimpleGrid>
          )}
        </SectionCard>
      </Stack>
    </>
  )
}
