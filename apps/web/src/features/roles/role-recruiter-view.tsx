import { Alert, Button, Stack } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconInfoCircle, IconSend } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { LoadMore } from '../../components/load-more'
import { Markdown } from '../../components/markdown'
import { SectionCard } from '../../components/section-card'
import { RoleScorecard } from '../application-notes/role-scorecard'
import { loadedRows, useApplications } from '../applications/applications-api'
import { ApplicationsTable } from '../applications/applications-table'
import { SubmitCandidateModal } from '../applications/submit-candidate-modal'
import { useViewer } from '../auth/use-viewer'
import { useRolePremium } from '../billing/billing-api'
import { DocumentsPanel } from '../documents/documents-panel'
import { SuggestedMatches } from '../matching/suggested-matches'
import { RoleFacts } from './role-facts'
import { RolePremiumSummary } from './role-premium'
import type { Role } from './roles-api'

/** A recruiter's view of a role: facts, fee, description, my submissions, and "Submit a candidate". */
export function RoleRecruiterView({ role, canSubmit }: { role: Role; canSubmit: boolean }) {
  const { t } = useTranslation()
  const [submitting, submitModal] = useDisclosure(false)
  const mine = useApplications({ role_id: role.id, mine: 'true' }, { enabled: canSubmit })
  const myApplications = loadedRows(mine.data)
  const signedIn = useViewer().signedIn
  const premium = useRolePremium(role.id, signedIn)

  return (
    <Stack gap="xl">
      {canSubmit && role.status === 'open' && (
        <Button
          size="md"
          leftSection={<IconSend size={18} />}
          onClick={submitModal.open}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('splits.roleDetail.submit')}
        </Button>
      )}
      {role.status !== 'open' && (
        <Alert variant="light" color="yellow" icon={<IconInfoCircle size={18} />}>
          {t('splits.roleDetail.notOpen')}
        </Alert>
      )}
      <SectionCard title={t('splits.roleDetail.facts')}>
        <RoleFacts role={role} />
      </SectionCard>
      {premium.data?.premium && (
        <SectionCard title={t('splits.premium.title')}>
          <RolePremiumSummary premium={premium.data} />
        </SectionCard>
      )}
      <SectionCard title={t('splits.roleDetail.description')}>
        <Markdown>{role.description}</Markdown>
      </SectionCard>
      <DocumentsPanel entityType="role" entityId={role.id} />
      {canSubmit && role.status === 'open' && (
        <SuggestedMatches
          title={t('matching.yourCandidates')}
          query={{ role_id: role.id }}
          show="candidate"
          canSubmit
          emptyText={t('matching.yourCandidatesEmpty')}
        />
      )}
      {signedIn && (
        <SectionCard title={t('splits.scorecard.recruiterTitle')}>
          <RoleScorecard roleId={role.id} />
        </SectionCard>
      )}
      {myApplications.length > 0 && (
        <SectionCard title={t('splits.roleDetail.mySubmissions')}>
          <Stack gap="sm">
            <ApplicationsTable applications={myApplications} showRecruiter={false} />
            {mine.hasNextPage && (
              <LoadMore
                shown={t('splits.applications.shown', { count: myApplications.length })}
                hasMore
                loading={mine.isFetchingNextPage}
                onLoadMore={() => mine.fetchNextPage()}
              />
            )}
          </Stack>
        </SectionCard>
      )}
      {canSubmit && <SubmitCandidateModal role={role} opened={submitting} onClose={submitModal.close} />}
    </Stack>
  )
}
