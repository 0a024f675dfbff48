import { Button, Stack, Text } from '@mantine/core'
import { IconCalendarPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { SectionCard } from '../../components/section-card'
import { InterviewItem } from './interview-item'
import { useInterviews } from './interviews-api'
import { ProposeInterviewModal } from './propose-interview-modal'

/** The application page's interviews: proposals, the confirmed time, history; the team proposes more. */
export function InterviewsCard({
  application,
  team,
  recruiter,
}: {
  application: { id: string; company: { id: string }; stage: string }
  team: boolean
  recruiter: boolean
}) {
  const { t } = useTranslation()
  const [proposing, setProposing] = useState(false)
  const list = useInterviews({ scope: 'all', application_id: application.id })
  const closed = ['hired', 'rejected', 'withdrawn'].includes(application.stage)
  return (
    <SectionCard
      title={t('interviews.title')}
      actions={
        team && !closed ? (
          <Button size="xs" leftSection={<IconCalendarPlus size={16} />} onClick={() => setProposing(true)}>
            {t('interviews.proposeButton')}
          </Button>
        ) : undefined
      }
    >
      {list.isPending && <LoadingState minHeight={60} />}
      {list.isError && <ErrorAlert error={list.error} />}
      {list.data && (
        <Stack gap="sm">
          {list.data.data.length === 0 && (
            <Text size="sm" c="dimmed">
              {t(team ? 'interviews.noneTeam' : 'interviews.none')}
            </Text>
          )}
          {list.data.data.map((i) => (
            <InterviewItem key={i.id} interview={i} team={team} recruiter={recruiter} />
          ))}
        </Stack>
      )}
      {proposing && (
        <ProposeInterviewModal
          opened
          onClose={() => setProposing(false)}
          applicationId={application.id}
          companyId={application.company.id}
        />
      )}
    </SectionCard>
  )
}
