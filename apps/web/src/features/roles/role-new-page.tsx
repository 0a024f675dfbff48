import { Paper } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { usePageTitle } from '../../app/use-page-title'
import { EmptyState } from '../../components/empty-state'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { useViewer } from '../auth/use-viewer'
import { useCompanies } from '../company/company-api'
import { useActiveCompany } from '../company/use-active-company'
import { useReference } from '../reference/reference-api'
import { RoleForm } from './role-form'
import { useCreateRole } from './roles-api'

/** A hiring team posts a role; it starts as a draft that only the team sees until it is opened. */
export function RoleNewPage() {
  const { t } = useTranslation()
  usePageTitle(t('splits.roleForm.newTitle'))
  const navigate = useNavigate()
  const viewer = useViewer()
  const mine = useActiveCompany()
  const all = useCompanies('', viewer.admin && !viewer.team)
  const reference = useReference()
  const create = useCreateRole()
  // The active company first, so the form preselects it.
  const companies =
    viewer.team && mine.active
      ? [mine.active, ...mine.companies.filter((c) => c.id !== mine.active?.id)]
      : (all.data?.data ?? [])
  const loading = reference.isPending || (viewer.team ? mine.isPending : all.isPending)

  return (
    <>
      <PageHeader title={t('splits.roleForm.newTitle')} description={t('splits.roleForm.newDescription')} />
      <Paper withBorder p={{ base: 'md', sm: 'xl' }}>
        {loading ? (
          <LoadingState />
        ) : companies.length === 0 ? (
          <EmptyState
            title={t('splits.roleForm.noCompany')}
            description={t('splits.roleForm.noCompanyHint')}
          />
        ) : (
          <RoleForm
            companies={companies}
            submitLabel={t('splits.roleForm.create')}
            onCancel={() => navigate('/splits/roles')}
            onSubmit={async (companyId, body) => {
              const role = await create.mutateAsync({ company_id: companyId, ...body })
              notifications.show({ color: 'teal', message: t('splits.roleForm.created') })
              navigate(`/splits/roles/${role.id}`)
            }}
          />
        )}
      </Paper>
    </>
  )
}
