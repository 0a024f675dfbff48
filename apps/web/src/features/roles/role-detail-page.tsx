import { Anchor, Box, Button, Group, useDirection } from '@mantine/core'
import { IconArrowLeft, IconArrowRight, IconPencil } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { isNotFound } from '../../api/client'
import { usePageTitle } from '../../app/use-page-title'
import { LoadingState } from '../../components/loading-state'
import { NotFoundState } from '../../components/not-found-state'
import { PageHeader } from '../../components/page-header'
import { QueryError } from '../../components/query-error'
import { useViewer } from '../auth/use-viewer'
import { VocabBadge } from '../reference/vocab-badge'
import { RoleQuestionsCard } from '../splits-chat/role-questions-card'
import { RoleRecruiterView } from './role-recruiter-view'
import { RoleStatusActions } from './role-status-actions'
import { RoleTeamView } from './role-team-view'
import { useRole } from './roles-api'

/** One role: the hiring team manages it and reviews submissions; recruiters read it and submit. */
export function RoleDetailPage() {
  const { t } = useTranslation()
  const { dir } = useDirection()
  const id = useParams().id ?? ''
  const viewer = useViewer()
  const role = useRole(id)
  usePageTitle(role.data?.title ?? t('splits.roleDetail.title'))
  const BackIcon = dir === 'rtl' ? IconArrowRight : IconArrowLeft
  const manage = role.data?.can_manage ?? false
  const editable = manage && role.data?.status !== 'filled' && role.data?.status !== 'closed'

  if (isNotFound(role.error))
    return <NotFoundState error={role.error} backTo="/splits/roles" backLabel={t('splits.roleDetail.back')} />
  return (
    <>
      <Anchor component={Link} to="/splits/roles" size="sm" mb="sm" display="inline-block">
        <Group gap={4} component="span">
          <BackIcon size={14} />
          {t('splits.roleDetail.back')}
        </Group>
      </Anchor>
      <PageHeader
        title={
          <Group gap="sm" component="span">
            {role.data?.title ?? t('splits.roleDetail.title')}
            {role.data && <VocabBadge kind="roleStatuses" code={role.data.status} size="lg" />}
          </Group>
        }
        description={role.data?.company.name}
        actions={
          role.data &&
          manage && (
            <>
              {editable && (
                <Button
                  component={Link}
                  to={`/splits/roles/${id}/edit`}
                  variant="default"
                  leftSection={<IconPencil size={16} />}
                >
                  {t('splits.roleDetail.edit')}
                </Button>
              )}
              <RoleStatusActions role={role.data} />
            </>
          )
        }
      />
      {role.isPending && <LoadingState />}
      {role.isError && (
        <QueryError
          error={role.error}
          signInTitle={t('splits.roles.signInRequired')}
          onRetry={() => role.refetch()}
        />
      )}
      {role.isSuccess &&
        (manage ? (
          <RoleTeamView role={role.data} />
        ) : (
          <RoleRecruiterView role={role.data} canSubmit={viewer.recruiter} />
        ))}
      {role.isSuccess && !viewer.admin && (
        <Box mt="xl">
          <RoleQuestionsCard roleId={role.data.id} />
        </Box>
      )}
    </>
  )
}
