import { Alert, Button, Paper } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconRefresh } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import { ApiError, isNotFound } from '../../api/client'
import { usePageTitle } from '../../app/use-page-title'
import { LoadingState } from '../../components/loading-state'
import { NotFoundState } from '../../components/not-found-state'
import { PageHeader } from '../../components/page-header'
import { QueryError } from '../../components/query-error'
import { useReference } from '../reference/reference-api'
import { RoleForm } from './role-form'
import { useRole, useUpdateRole } from './roles-api'

/** Edit a role; the version loaded guards against overwriting a colleague's change (409). */
export function RoleEditPage() {
  const { t } = useTranslation()
  const id = useParams().id ?? ''
  const navigate = useNavigate()
  const role = useRole(id)
  const reference = useReference()
  const update = useUpdateRole(id)
  const [stale, setStale] = useState(false)
  // Remount the form with fresh values after a reload.
  const [generation, setGeneration] = useState(0)
  usePageTitle(t('splits.roleForm.editTitle'))

  const reload = async () => {
    await role.refetch()
    setStale(false)
    setGeneration((g) => g + 1)
  }

  if (isNotFound(role.error))
    return <NotFoundState error={role.error} backTo="/splits/roles" backLabel={t('splits.roleDetail.back')} />
  return (
    <>
      <PageHeader title={t('splits.roleForm.editTitle')} description={role.data?.title} />
      {role.isError && (
        <QueryError
          error={role.error}
          signInTitle={t('splits.roles.signInRequired')}
          onRetry={() => role.refetch()}
        />
      )}
      {(role.isPending || reference.isPending) && <LoadingState />}
      {role.isSuccess && reference.isSuccess && (
        <Paper withBorder p={{ base: 'md', sm: 'xl' }}>
          <RoleForm
            key={generation}
            role={role.data}
            companies={[role.data.company]}
            submitLabel={t('splits.roleForm.save')}
            onCancel={() => navigate(`/splits/roles/${id}`)}
            notice={
              stale && (
                <Alert color="orange" variant="light" title={t('splits.roleForm.staleTitle')}>
                  {t('splits.roleForm.staleBody')}
                  <Button
                    mt="sm"
                    size="xs"
                    variant="light"
                    color="orange"
                    leftSection={<IconRefresh size={14} />}
                    onClick={reload}
                    display="block"
                  >
                    {t('splits.roleForm.reload')}
                  </Button>
                </Alert>
              )
            }
            onSubmit={async (_, body) => {
              try {
                await update.mutateAsync({ ...body, version: role.data.version })
              } catch (err) {
                if (err instanceof ApiError && err.status === 409 && err.code === 'conflict') setStale(true)
                throw err
              }
              notifications.show({ color: 'teal', message: t('splits.roleForm.saved') })
              navigate(`/splits/roles/${id}`)
            }}
          />
        </Paper>
      )}
    </>
  )
}
