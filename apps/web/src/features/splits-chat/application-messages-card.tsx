import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { SectionCard } from '../../components/section-card'
import { useApplicationThread } from './splits-chat-api'
import { Thread } from './thread'

/**
 * Messages about an application, between the submitting recruiter and the hiring team (both sides
 * see this card; a platform admin, who takes no part, does not).
 */
export function ApplicationMessagesCard({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation()
  const thread = useApplicationThread(applicationId)
  // 403: not a participant (a platform admin): the card is not theirs
  if (thread.error && (thread.error as { status?: number }).status === 403) return null
  return (
    <SectionCard title={t('splitsChat.applicationTitle')}>
      {thread.isPending && <LoadingState minHeight={120} />}
      {thread.isError && <ErrorAlert error={thread.error} onRetry={() => void thread.refetch()} />}
      {thread.data && <Thread id={thread.data.conversation_id} />}
    </SectionCard>
  )
}
