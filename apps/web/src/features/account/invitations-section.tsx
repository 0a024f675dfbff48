import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import { IconMailOpened } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../api/client'
import { roleLabelKey } from '../../components/role-badge'
import { formatDate } from '../../lib/format'
import { ROLES, type Role } from '../../lib/roles'
import { type MyInvitation, useAnswerInvitation, useMyInvitations } from './account-api'

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value)

/**
 * Invitations to join an organisation (a company's hiring team), each with Accept and Decline.
 * Shown only when there are some: it is the first thing an invited person should see.
 */
export function InvitationsSection() {
  const { t, i18n } = useTranslation()
  const invitations = useMyInvitations()
  const answer = useAnswerInvitation()
  const open = invitations.data?.data ?? []
  if (open.length === 0) return null

  const words = (invitation: MyInvitation) => ({
    organization: invitation.organization_name,
    role: isRole(invitation.role) ? t(roleLabelKey(invitation.role)) : invitation.role,
    inviter: invitation.invited_by_name ?? '',
  })

  const respond = (invitation: MyInvitation, choice: 'accept' | 'decline') =>
    answer.mutate(
      { id: invitation.id, answer: choice },
      {
        onSuccess: () =>
          notifications.show({
            color: 'teal',
            message:
              choice === 'accept'
                ? t('common.account.invitations.accepted', words(invitation))
                : t('common.account.invitations.declined'),
          }),
        onError: (err) =>
          notifications.show({
            color: 'red',
            title: t('common.account.invitations.failed'),
            message: errorMessage(err, t),
          }),
      },
    )

  const confirmDecline = (invitation: MyInvitation) =>
    modals.openConfirmModal({
      title: t('common.account.invitations.declineTitle'),
      children: <Text size="sm">{t('common.account.invitations.declineBody', words(invitation))}</Text>,
      labels: { confirm: t('common.account.invitations.decline'), cancel: t('common.cancel') },
      onConfirm: () => respond(invitation, 'decline'),
    })

  return (
    <Stack gap="sm" component="section" aria-label={t('common.account.invitations.title')}>
      {open.map((invitation) => {
        const busy = answer.isPending && answer.variables?.id === invitation.id
        return (
          <Alert
            key={invitation.id}
            variant="light"
            color="blue"
            icon={<IconMailOpened size={20} />}
            title={t('common.account.invitations.title')}
          >
            <Stack gap="sm">
              <Text size="sm">
                {invitation.invited_by_name
                  ? t('common.account.invitations.body', words(invitation))
                  : t('common.account.invitations.bodyNoInviter', words(invitation))}{' '}
                {t('common.account.invitations.until', {
                  date: formatDate(invitation.expires_at, i18n.language),
                })}
              </Text>
              <Group gap="sm">
                <Button
                  size="sm"
                  onClick={() => respond(invitation, 'accept')}
                  loading={busy && answer.variables?.answer === 'accept'}
                  disabled={busy}
                >
                  {t('common.account.invitations.accept')}
                </Button>
                <Button
                  size="sm"
                  variant="default"
                  onClick={() => confirmDecline(invitation)}
                  loading={busy && answer.variables?.answer === 'decline'}
                  disabled={busy}
                >
                  {t('common.account.invitations.decline')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )
      })}
    </Stack>
  )
}
