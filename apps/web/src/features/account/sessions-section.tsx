import { Text } from '@mantine/core'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../api/client'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { SectionCard } from '../../components/section-card'
import { type AccountSession, useAccountSessions, useRevokeSession } from './account-api'
import { SessionsTable } from './sessions-table'

/** Every device signed in to the account, with a way to sign the others out. */
export function SessionsSection() {
  const { t } = useTranslation()
  const sessions = useAccountSessions()
  const revoke = useRevokeSession()

  const confirmRevoke = (session: AccountSession) =>
    modals.openConfirmModal({
      title: t('common.account.sessions.confirmTitle'),
      children: <Text size="sm">{t('common.account.sessions.confirmBody')}</Text>,
      labels: { confirm: t('common.account.sessions.revoke'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        revoke.mutate(session.id, {
          onSuccess: () =>
            notifications.show({ color: 'teal', message: t('common.account.sessions.revoked') }),
          onError: (err) =>
            notifications.show({
              color: 'red',
              title: t('common.account.sessions.revokeFailed'),
              message: errorMessage(err, t),
            }),
        }),
    })

  return (
    <SectionCard title={t('common.account.sessions.title')}>
      <Text size="sm" c="dimmed" mb="md">
        {t('common.account.sessions.description')}
      </Text>
      {sessions.isPending && <LoadingState />}
      {sessions.isError && <ErrorAlert error={sessions.error} onRetry={() => sessions.refetch()} />}
      {sessions.isSuccess && (
        <SessionsTable
          sessions={sessions.data.data}
          onRevoke={confirmRevoke}
          revokingId={revoke.isPending ? revoke.variables : undefined}
        />
      )}
    </SectionCard>
  )
}
