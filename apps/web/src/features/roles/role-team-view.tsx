import { Stack, Tabs } from '@mantine/core'
import {
  IconClipboardCheck,
  IconFileDescription,
  IconHistory,
  IconSparkles,
  IconUsers,
} from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { Markdown } from '../../components/markdown'
import { SectionCard } from '../../components/section-card'
import { RoleScorecard } from '../application-notes/role-scorecard'
import { DocumentsPanel } from '../documents/documents-panel'
import { SuggestedMatches } from '../matching/suggested-matches'
import { RoleAssignments } from './role-assignments'
import { RoleFacts } from './role-facts'
import { RoleHistory } from './role-history'
import { RolePremiumSection } from './role-premium'
import { RoleSubmissions } from './role-submissions'
import type { Role } from './roles-api'

/** The hiring team's view: incoming submissions, the role's details, and its history. */
export function RoleTeamView({ role }: { role: Role }) {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const tab = params.get('tab') ?? 'submissions'

  return (
    <Tabs
      value={tab}
      onChange={(value) =>
        setParams(value && value !== 'submissions' ? { tab: value } : {}, { replace: true })
      }
      keepMounted={false}
    >
      <Tabs.List mb="lg">
        <Tabs.Tab value="submissions" leftSection={<IconUsers size={16} />}>
          {t('splits.roleDetail.tabs.submissions', { count: role.applications_count })}
        </Tabs.Tab>
        <Tabs.Tab value="suggested" leftSection={<IconSparkles size={16} />}>
          {t('matching.suggestedCandidates')}
        </Tabs.Tab>
        <Tabs.Tab value="details" leftSection={<IconFileDescription size={16} />}>
          {t('splits.roleDetail.tabs.details')}
        </Tabs.Tab>
        <Tabs.Tab value="scorecard" leftSection={<IconClipboardCheck size={16} />}>
          {t('splits.scorecard.tab')}
        </Tabs.Tab>
        <Tabs.Tab value="history" leftSection={<IconHistory size={16} />}>
          {t('splits.roleDetail.tabs.history')}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="submissions">
        <SectionCard title={t('splits.roleDetail.incoming')}>
          <RoleSubmissions roleId={role.id} />
        </SectionCard>
      </Tabs.Panel>
      <Tabs.Panel value="suggested">
        <SuggestedMatches
          title={t('matching.suggestedCandidates')}
          query={{ role_id: role.id }}
          show="candidate"
          canSubmit={false}
          emptyText={t('matching.suggestedCandidatesEmpty')}
        />
      </Tabs.Panel>
      <Tabs.Panel value="details">
        <Stack gap="xl">
          <SectionCard title={t('splits.roleDetail.facts')}>
            <RoleFacts role={role} />
          </SectionCard>
          <SectionCard title={t('splits.premium.title')}>
            <RolePremiumSection roleId={role.id} feeRateBps={role.fee_rate_bps} canEdit={role.can_manage} />
          </SectionCard>
          <SectionCard title={t('splits.roleDetail.description')}>
            <Markdown>{role.description}</Markdown>
          </SectionCard>
          <DocumentsPanel entityType="role" entityId={role.id} />
          {role.visibility === 'assigned' && (
            <SectionCard title={t('splits.assignments.title')}>
              <RoleAssignments role={role} />
            </SectionCard>
          )}
        </Stack>
      </Tabs.Panel>
      <Tabs.Panel value="scorecard">
        <SectionCard title={t('splits.scorecard.title')}>
          <RoleScorecard roleId={role.id} />
        </SectionCard>
      </Tabs.Panel>
      <Tabs.Panel value="history">
        <SectionCard title={t('splits.roleDetail.history')}>
          <RoleHistory roleId={role.id} currency={role.salary.currency} />
        </SectionCard>
      </Tabs.Panel>
    </Tabs>
  )
}
