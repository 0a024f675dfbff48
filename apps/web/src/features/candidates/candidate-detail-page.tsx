import { Anchor, Group, SimpleGrid, Stack, useDirection } from '@mantine/core'
import { IconArrowLeft, IconArrowRight } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { isNotFound } from '../../api/client'
import { usePageTitle } from '../../app/use-page-title'
import { LoadingState } from '../../components/loading-state'
import { NotFoundState } from '../../components/not-found-state'
import { PageHeader } from '../../components/page-header'
import { QueryError } from '../../components/query-error'
import { SectionCard } from '../../components/section-card'
import { DocumentsPanel } from '../documents/documents-panel'
import { SuggestedMatches } from '../matching/suggested-matches'
import { CandidateApplications } from './candidate-applications'
import { CandidateConsent } from './candidate-consent'
import { CandidateContacts } from './candidate-contacts'
import { CandidateProfile } from './candidate-profile'
import { useCandidate } from './candidates-api'
import { RepresentationsTable } from './representations-table'

/** One candidate: profile, contacts, consent, where they are represented, and their applications. */
export function CandidateDetailPage() {
  const { t } = useTranslation()
  const { dir } = useDirection()
  const id = useParams().id ?? ''
  const candidate = useCandidate(id)
  usePageTitle(candidate.data?.full_name ?? t('splits.candidate.title'))
  const BackIcon = dir === 'rtl' ? IconArrowRight : IconArrowLeft

  if (isNotFound(candidate.error))
    return (
      <NotFoundState
        error={candidate.error}
        backTo="/splits/candidates"
        backLabel={t('splits.candidate.back')}
      />
    )
  return (
    <>
      <Anchor component={Link} to="/splits/candidates" size="sm" mb="sm" display="inline-block">
        <Group gap={4} component="span">
          <BackIcon size={14} />
          {t('splits.candidate.back')}
        </Group>
      </Anchor>
      <PageHeader
        title={candidate.data?.full_name ?? t('splits.candidate.title')}
        description={candidate.data?.current_title ?? undefined}
      />
      {candidate.isPending && <LoadingState />}
      {candidate.isError && (
        <QueryError
          error={candidate.error}
          signInTitle={t('splits.candidates.signInRequired')}
          onRetry={() => candidate.refetch()}
        />
      )}
      {candidate.isSuccess && (
        <Stack gap="xl">
          <SectionCard title={t('splits.candidate.profile')}>
            <CandidateProfile candidate={candidate.data} />
          </SectionCard>
          <SuggestedMatches
            title={t('matching.suggestedRoles')}
            query={{ candidate_id: candidate.data.id }}
            show="role"
            canSubmit
            emptyText={t('matching.suggestedRolesEmpty')}
          />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
            <SectionCard title={t('splits.candidate.contacts')}>
              <CandidateContacts candidate={candidate.data} />
            </SectionCard>
            <SectionCard title={t('splits.candidate.consent')}>
              <CandidateConsent candidate={candidate.data} />
            </SectionCard>
          </SimpleGrid>
          <DocumentsPanel entityType="candidate" entityId={candidate.data.id} />
          <SectionCard title={t('splits.candidate.representations')}>
            <RepresentationsTable representations={candidate.data.representations} />
          </SectionCard>
          <SectionCard title={t('splits.candidate.applications')}>
            <CandidateApplications applications={candidate.data.applications} />
          </SectionCard>
        </Stack>
      )}
    </>
  )
}
