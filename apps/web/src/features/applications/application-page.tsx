import { Anchor, Grid, Group, SimpleGrid, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { isNotFound } from '../../api/client'
import { usePageTitle } from '../../app/use-page-title'
import { ErrorAlert } from '../../components/error-alert'
import { Fact } from '../../components/fact'
import { LoadingState } from '../../components/loading-state'
import { NotFoundState } from '../../components/not-found-state'
import { PageHeader } from '../../components/page-header'
import { QueryError } from '../../components/query-error'
import { RelativeTime } from '../../components/relative-time'
import { SectionCard } from '../../components/section-card'
import { formatDate } from '../../lib/format'
import { ApplicationNotesCard } from '../application-notes/notes-card'
import { useViewer } from '../auth/use-viewer'
import { CandidateContacts } from '../candidates/candidate-contacts'
import { CandidateProfile } from '../candidates/candidate-profile'
import { useCandidate } from '../candidates/candidates-api'
import { useMyCompanies } from '../company/company-api'
import { InterviewsCard } from '../interviews/interviews-card'
import { VocabBadge } from '../reference/vocab-badge'
import { useRole } from '../roles/roles-api'
import { ApplicationMessagesCard } from '../splits-chat/application-messages-card'
import { useApplication } from './applications-api'
import { StageActions } from './stage-actions'
import { StageHistory } from './stage-history'

/** One submission: the candidate (contacts visible to the hiring team), its history and next steps. */
export function ApplicationPage() {
  const { t, i18n } = useTranslation()
  const id = useParams().id ?? ''
  const viewer = useViewer()
  const { companies } = useMyCompanies()
  const application = useApplication(id)
  const app = application.data
  const candidate = useCandidate(app?.candidate.id)
  const role = useRole(app?.role.id ?? '')
  usePageTitle(app ? `${app.candidate.name} · ${app.role.title}` : t('splits.application.title'))
  const team = viewer.admin || (app !== undefined && companies.some((c) => c.id === app.company.id))

  if (isNotFound(application.error)) return <NotFoundState error={application.error} />
  return (
    <>
      <PageHeader
        title={
          <Group gap="sm" component="span">
            {app?.candidate.name ?? t('splits.application.title')}
            {app && <VocabBadge kind="stages" code={app.stage} size="lg" />}
          </Group>
        }
        description={
          app && (
            <>
              <Anchor component={Link} to={`/splits/roles/${app.role.id}`} inherit>
                {app.role.title}
              </Anchor>
              {` · ${app.company.name}`}
            </>
          )
        }
      />
      {application.isPending && <LoadingState />}
      {application.isError && (
        <QueryError
          error={application.error}
          signInTitle={t('splits.application.signInRequired')}
          onRetry={() => application.refetch()}
        />
      )}
      {app && (
        <Grid gap="xl">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Stack gap="xl">
              <SectionCard title={t('splits.application.next')}>
                <StageActions
                  application={app}
                  team={team}
                  recruiter={viewer.recruiter}
                  currency={role.data?.salary.currency ?? 'USD'}
                />
              </SectionCard>
              <ApplicationNotesCard applicationId={app.id} roleId={app.role.id} />
              <InterviewsCard application={app} team={team} recruiter={viewer.recruiter} />
              <SectionCard title={t('splits.application.candidate')}>
                {candidate.isPending && <LoadingState minHeight={80} />}
                {candidate.isError && <ErrorAlert error={candidate.error} />}
                {candidate.data && (
                  <Stack gap="lg">
                    <CandidateProfile candidate={candidate.data} />
                    <CandidateContacts candidate={candidate.data} />
                  </Stack>
                )}
              </SectionCard>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="xl">
              <SectionCard title={t('splits.application.submission')}>
                <SimpleGrid cols={2} spacing="md">
                  <Fact label={t('splits.application.recruiter')}>{app.recruiter.name}</Fact>
                  <Fact label={t('splits.application.submittedAt')}>
                    <RelativeTime value={app.submitted_at} size="sm" fw={500} />
                  </Fact>
                  <Fact label={t('splits.application.ownership')}>
                    <VocabBadge kind="ownership" code={app.ownership} />
                  </Fact>
                  <Fact label={t('splits.application.representedUntil')}>
                    {formatDate(app.represented_until, i18n.language)}
                  </Fact>
                </SimpleGrid>
                {app.note && (
                  <Text size="sm" mt="md" style={{ whiteSpace: 'pre-wrap' }}>
                    {app.note}
                  </Text>
                )}
              </SectionCard>
              <SectionCard title={t('splits.application.history')}>
                <StageHistory history={app.history} />
              </SectionCard>
              <ApplicationMessagesCard applicationId={app.id} />
            </Stack>
          </Grid.Col>
        </Grid>
      )}
    </>
  )
}
