import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { isNotFound } from '../../api/client'
import { usePageTitle } from '../../app/use-page-title'
import { LoadingState } from '../../components/loading-state'
import { NotFoundState } from '../../components/not-found-state'
import { PageHeader } from '../../components/page-header'
import { QueryError } from '../../components/query-error'
import { useViewer } from '../auth/use-viewer'
import { useMyCompanies } from '../company/company-api'
import { InterviewItem } from './interview-item'
import { useInterview } from './interviews-api'

/** One interview (where notices and calendar invitations lead). */
export function InterviewPage() {
  const { t } = useTranslation()
  const id = useParams().id ?? ''
  const viewer = useViewer()
  const { companies } = useMyCompanies()
  const interview = useInterview(id)
  const i = interview.data
  usePageTitle(i ? `${t('interviews.one')} · ${i.candidate.name}` : t('interviews.one'))
  if (isNotFound(interview.error)) return <NotFoundState error={interview.error} />
  return (
    <>
      <PageHeader
        title={i ? `${t('interviews.one')}: ${i.candidate.name}` : t('interviews.one')}
        description={i && `${i.role.title} · ${i.company.name}`}
      />
      {interview.isPending && <LoadingState />}
      {interview.isError && (
        <QueryError
          signInTitle={t('interviews.signIn')}
          error={interview.error}
          onRetry={() => interview.refetch()}
        />
      )}
      {i && (
        <InterviewItem
          interview={i}
          team={viewer.admin || companies.some((c) => c.id === i.company.id)}
          recruiter={viewer.recruiter}
          showContext
        />
      )}
    </>
  )
}
