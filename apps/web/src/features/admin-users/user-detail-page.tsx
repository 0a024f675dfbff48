import { Anchor, Button, Group, Stack, Text, useDirection } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import { IconArrowLeft, IconArrowRight, IconLogout, IconPlayerPlay, IconUserOff } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { errorMessage, isNotFound } from '../../api/client'
import { usePageTitle } from '../../app/use-page-title'
import { LoadingState } from '../../components/loading-state'
import { NotFoundState } from '../../components/not-found-state'
import { PageHeader } from '../../components/page-header'
import { QueryError } from '../../components/query-error'
import { SectionCard } from '../../components/section-card'
import { useCurrentUser } from '../auth/auth-api'
import { AuditTrail } from './audit-trail'
import { StatusBadge } from './status-badge'
import { SuspendUserModal } from './suspend-user-modal'
import { UserFacts } from './user-facts'
import { UserMemberships } from './user-memberships'
import { useReactivateUser, useRevokeUserSessions, useUserDetail } from './users-api'

/** One person for a platform admin: contacts, roles, suspension and what changed, when and by whom. */
export function UserDetailPage() {
  const { t } = useTranslation()
  const { dir } = useDirection()
  const id = useParams().id ?? ''
  const user = useUserDetail(id)
  usePageTitle(user.data?.display_name ?? t('admin.users.detailTitle'))
  const reactivate = useReactivateUser(id)
  const signOutEverywhere = useRevokeUserSessions(id)
  const me = useCurrentUser()
  const [suspending, suspendModal] = useDisclosure(false)
  const BackIcon = dir === 'rtl' ? IconArrowRight : IconArrowLeft

  const confirmReactivate = () =>
    modals.openConfirmModal({
      title: t('admin.users.reactivate.title'),
      children: <Text size="sm">{t('admin.users.reactivate.body', { name: user.data?.display_name })}</Text>,
      labels: { confirm: t('admin.users.reactivate.confirm'), cancel: t('common.cancel') },
      onConfirm: () =>
        reactivate.mutate(undefined, {
          onSuccess: () => notifications.show({ color: 'teal', message: t('admin.users.reactivate.done') }),
          onError: (err) => notifications.show({ color: 'red', message: errorMessage(err, t) }),
        }),
    })

  const confirmSignOut = () =>
    modals.openConfirmModal({
      title: t('admin.users.signOut.title', { name: user.data?.display_name }),
      children: (
        <Text size="sm">{t('admin.users.signOut.body', { count: user.data?.active_sessions ?? 0 })}</Text>
      ),
      labels: { confirm: t('admin.users.signOut.confirm'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        signOutEverywhere.mutate(undefined, {
          onSuccess: () => notifications.show({ color: 'teal', message: t('admin.users.signOut.done') }),
          onError: (err) => notifications.show({ color: 'red', message: errorMessage(err, t) }),
        }),
    })

  // An admin's own devices are signed out from their account page, not from here.
  const signOutButton = user.data && user.data.id !== me?.id && (
    <Button
      variant="default"
      leftSection={<IconLogout size={16} />}
      onClick={confirmSignOut}
      disabled={user.data.active_sessions === 0}
      loading={signOutEverywhere.isPending}
    >
      {t('admin.users.signOut.action')}
    </Button>
  )

  const actions = user.data && (
    <Group gap="sm">
      {signOutButton}
      {user.data.status === 'active' ? (
        <Button
          color="red"
          variant="light"
          leftSection={<IconUserOff size={16} />}
          onClick={suspendModal.open}
        >
          {t('admin.users.suspend.action')}
        </Button>
      ) : (
        <Button
          leftSection={<IconPlayerPlay size={16} />}
          onClick={confirmReactivate}
          loading={reactivate.isPending}
        >
          {t('admin.users.reactivate.action')}
        </Button>
      )}
    </Group>
  )

  if (isNotFound(user.error)) return <NotFoundState error={user.error} />
  return (
    <>
      <Anchor component={Link} to="/admin/users" size="sm" mb="sm" display="inline-block">
        <Group gap={4} component="span">
          <BackIcon size={14} />
          {t('admin.users.back')}
        </Group>
      </Anchor>
      <PageHeader
        title={
          <Group gap="sm" component="span">
            {user.data?.display_name ?? t('admin.users.detailTitle')}
            {user.data && <StatusBadge status={user.data.status} />}
          </Group>
        }
        actions={actions}
      />
      {user.isPending && <LoadingState />}
      {user.isError && (
        <QueryError
          error={user.error}
          signInTitle={t('admin.users.signInRequired')}
          onRetry={() => user.refetch()}
        />
      )}
      {user.isSuccess && (
        <Stack gap="xl">
          <SectionCard title={t('admin.users.facts.title')}>
            <UserFacts user={user.data} />
          </SectionCard>
          <UserMemberships user={user.data} />
          <SectionCard title={t('admin.users.audit.title')}>
            <AuditTrail userId={user.data.id} />
          </SectionCard>
          <SuspendUserModal user={user.data} opened={suspending} onClose={suspendModal.close} />
        </Stack>
      )}
    </>
  )
}
