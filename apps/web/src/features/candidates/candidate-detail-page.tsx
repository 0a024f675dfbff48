import { Anchor, Group, SimpleGrid, Stack, useDirection } from '@mantine/core'
import { IconArrowLeft, IconArrowRight } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { isAuthError } from '../../api/client'
import { usePageTitle } from '../../app/use-page-title'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { SectionCard } from '../../components/section-card'
import { SignInRequiredAlert } from '../../components/sign-in-required-alert'
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
  const authError = isAuthError(candidate.error) ? candidate.error : undefined
  const BackIcon = dir === 'rtl' ? IconArrowRight : IconArrowLeft

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
      {authError && <SignInRequiredAlert error={authError} title={t('splits.candidates.signInRequired')} />}
      {candidate.isPending && <LoadingState />}
      {candidate.isError && !authError && (
        <ErrorAlert error={candidate.error} onRetry={() => candidate.refetch()} />
      )}
      {candidate.isSuccess && (
        <Stack gap="xl">
          <SectionCard title={t('splits.candidate.profile')}>
            <CandidateProfile candidate={candidate.data} />
          </SectionCard>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
            <SectionCard title={t('splits.candidate.contacts')}>
              <CandidateContacts candidate={candidate.data} />
            </SectionCard>
            <SectionCard title={t('splits.candidate.consent')}>
              <CandidateConsent candidate={candidate.data} />
            </SectionCard>
          </SimpleGrid>
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
