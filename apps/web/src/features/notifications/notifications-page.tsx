import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core'
import { IconBell, IconChecks } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { isAuthError } from '../../api/client'
import { usePageTitle } from '../../app/use-page-title'
import { EmptyState } from '../../components/empty-state'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { SectionCard } from '../../components/section-card'
import { SignInRequiredAlert } from '../../components/sign-in-required-alert'
import { NotificationItem } from './notification-item'
import { type Notification, useMarkAllRead, useMarkRead, useNotifications } from './notifications-api'

/** Every notification, not only the bell's latest few, a page at a time. */
export function NotificationsPage() {
  const { t } = useTranslation()
  usePageTitle(t('splits.notifications.title'))
  const navigate = useNavigate()
  const [unread, setUnread] = useState(false)
  const notifications = useNotifications(unread)
  const markRead = useMarkRead()
  const markAll = useMarkAllRead()
  const authError = isAuthError(notifications.error) ? notifications.error : undefined
  const list = notifications.data?.pages.flatMap((p) => p.data) ?? []

  const open = (n: Notification) => {
    if (!n.read_at) markRead.mutate(n.id)
    if (n.link) navigate(n.link)
  }

  return (
    <>
      <PageHeader
        title={t('splits.notifications.title')}
        description={t('splits.notifications.pageDescription')}
        actions={
          !authError && (
            <Button
              variant="default"
              leftSection={<IconChecks size={16} />}
              loading={markAll.isPending}
              onClick={() => markAll.mutate()}
            >
              {t('splits.notifications.markAll')}
            </Button>
          )
        }
      />
      {authError ? (
        <SignInRequiredAlert error={authError} title={t('splits.notifications.listSignInRequired')} />
      ) : (
        <SectionCard
          title={t('splits.notifications.listTitle')}
          actions={
            <SegmentedControl
              size="xs"
              value={unread ? 'unread' : 'all'}
              onChange={(value) => setUnread(value === 'unread')}
              data={[
                { value: 'all', label: t('splits.notifications.all') },
                { value: 'unread', label: t('splits.notifications.unread') },
              ]}
            />
          }
        >
          <Stack gap="sm">
            {notifications.isPending && <LoadingState />}
            {notifications.isError && (
              <ErrorAlert error={notifications.error} onRetry={() => notifications.refetch()} />
            )}
            {notifications.isSuccess && list.length === 0 && (
              <EmptyState
                icon={<IconBell size={28} stroke={1.5} />}
                title={t('splits.notifications.empty')}
              />
            )}
            {list.length > 0 && (
              <Stack gap={2}>
                {list.map((n) => (
                  <NotificationItem key={n.id} notification={n} onOpen={open} />
                ))}
              </Stack>
            )}
            {list.length > 0 && (
              <Group justify="space-between">
                <Text size="sm" c="dimmed">
                  {t('splits.notifications.shown', { count: list.length })}
                </Text>
                {notifications.hasNextPage && (
                  <Button
                    variant="default"
                    onClick={() => notifications.fetchNextPage()}
                    loading={notifications.isFetchingNextPage}
                  >
                    {t('common.loadMore')}
                  </Button>
                )}
              </Group>
            )}
          </Stack>
        </SectionCard>
      )}
    </>
  )
}
