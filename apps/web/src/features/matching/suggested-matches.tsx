import { Stack, Text } from '@mantine/core'
import { IconSparkles } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { EmptyState } from '../../components/empty-state'
import { LoadMore } from '../../components/load-more'
import { LoadingState } from '../../components/loading-state'
import { QueryError } from '../../components/query-error'
import { SectionCard } from '../../components/section-card'
import { RejectModal, SubmitPrefillModal } from './decision-modals'
import { MatchCard } from './match-card'
import {
  type Accepted,
  type Match,
  type MatchQuery,
  useAcceptMatch,
  useMatch,
  useMatches,
} from './matching-api'

interface SuggestedMatchesProps {
  title: string
  query: MatchQuery
  show: 'role' | 'candidate' | 'both'
  /** The reader is the candidate's recruiter: accepting leads to the submission they confirm. */
  canSubmit: boolean
  emptyText: string
}

/** A list of suggestions with their explanations and the accept / reject decisions. */
export function SuggestedMatches({ title, query, show, canSubmit, emptyText }: SuggestedMatchesProps) {
  const { t } = useTranslation()
  const matches = useMatches(query)
  const accept = useAcceptMatch()
  const [rejecting, setRejecting] = useState<Match | null>(null)
  const [accepted, setAccepted] = useState<Accepted | null>(null)
  const [acceptedByTeam, setAcceptedByTeam] = useState(false)
  // from the notice "a hiring team accepted a suggestion of your candidate": review its submission
  const [params, setParams] = useSearchParams()
  const linked = useMatch(canSubmit ? params.get('match') : null)
  useEffect(() => {
    const m = linked.data
    if (m && m.status === 'accepted' && m.outcome === 'accepted') {
      setAcceptedByTeam(true)
      setAccepted({
        match: m,
        prefill: {
          role_id: m.role.id,
          candidate_id: m.candidate.id,
          note: `Suggested match (${m.score}/100).`,
        },
      })
    }
  }, [linked.data])
  const closePrefill = () => {
    setAccepted(null)
    setAcceptedByTeam(false)
    if (params.has('match')) {
      params.delete('match')
      setParams(params, { replace: true })
    }
  }
  const rows = matches.data?.pages.flatMap((p) => p.data) ?? []
  const threshold = matches.data?.pages[0]?.threshold ?? 60
  return (
    <SectionCard title={title}>
      <Text size="sm" c="dimmed" mb="md">
        {t('matching.explainer', { threshold })}
      </Text>
      {matches.isPending && <LoadingState />}
      {matches.isError && (
        <QueryError
          error={matches.error}
          signInTitle={t('splits.candidates.signInRequired')}
          onRetry={() => matches.refetch()}
        />
      )}
      {matches.isSuccess && rows.length === 0 && (
        <EmptyState
          title={t('matching.emptyTitle')}
          description={emptyText}
          icon={<IconSparkles size={28} stroke={1.5} />}
        />
      )}
      {rows.length > 0 && (
        <Stack gap="md">
          {rows.map((m) => (
            <MatchCard
              key={m.id}
              match={m}
              show={show}
              busy={accept.isPending && accept.variables === m.id}
              onAccept={(match) => accept.mutate(match.id, { onSuccess: (a) => setAccepted(a) })}
              onReject={setRejecting}
            />
          ))}
          <LoadMore
            shown={t('matching.shown', { count: rows.length })}
            hasMore={matches.hasNextPage}
            loading={matches.isFetchingNextPage}
            onLoadMore={() => matches.fetchNextPage()}
          />
        </Stack>
      )}
      <RejectModal match={rejecting} onClose={() => setRejecting(null)} />
      <SubmitPrefillModal
        accepted={accepted}
        acceptedByTeam={acceptedByTeam}
        canSubmit={canSubmit}
        onClose={closePrefill}
      />
    </SectionCard>
  )
}
