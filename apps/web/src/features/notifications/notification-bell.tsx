import {
  ActionIcon,
  Anchor,
  Button,
  Divider,
  Group,
  Indicator,
  Popover,
  ScrollArea,
  Stack,
  Text,
} from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconBell, IconChecks, IconSettings } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { LoadingState } from '../../components/loading-state'
import { useCurrentUser } from '../auth/auth-api'
import { NotificationItem } from './notification-item'
import {
  type Notification,
  useLatestNotifications,
  useMarkAllRead,
  useMarkRead,
  useUnreadCount,
} from './notifications-api'

/** The top bar's bell: unread count, the latest notifications, and "mark all read". Hidden when signed out. */
export function NotificationBell() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const user = useCurrentUser()
  const [opened, { toggle, close }] = useDisclosure(false)
  const count = useUnreadCount(Boolean(user)).data?.count ?? 0
  const latest = useLatestNotifications(Boolean(user) && opened)
  const markRead = useMarkRead()
  const markAll = useMarkAllRead()
  if (!user) return null

  const open = (n: Notification) => {
    close()
    if (!n.read_at) markRead.mutate(n.id)
    if (n.link) navigate(n.link)
  }
  const items = latest.data?.data ?? []
  const label = count > 0 ? t('splits.notifications.bellUnread', { count }) : t('splits.notifications.bell')

  return (
    <Popover
      opened={opened}
      onChange={(o) => !o && close()}
      position="bottom-end"
      width={340}
      shadow="md"
      withinPortal
    >
      <Popover.Target>
        <Indicator label={count > 99 ? '99+' : count} size={18} disabled={count === 0} offset={4} color="red">
          <ActionIcon variant="default" size="lg" aria-label={label} title={label} onClick={toggle}>
            <IconBell size={18} stroke={1.6} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p={0} aria-label={t('splits.notifications.title')} role="dialog">
        <Group justify="space-between" px="md" py="sm">
          <Text fw={700} size="sm">
            {t('splits.notifications.title')}
          </Text>
          <Button
            variant="subtle"
            size="compact-xs"
            leftSection={<IconChecks size={14} />}
            disabled={count === 0}
            loading={markAll.isPending}
            onClick={() => markAll.mutate()}
          >
            {t('splits.notifications.markAll')}
          </Button>
        </Group>
        <Divider />
        <ScrollArea.Autosize mah={380} type="auto">
          <Stack gap={2} p={6}>
            {latest.isPending && <LoadingState minHeight={80} />}
            {latest.isSuccess && items.length === 0 && (
              <Text size="sm" c="dimmed" ta="center" py="lg">
                {t('splits.notifications.empty')}
              </Text>
            )}
            {items.map((n) => (
              <NotificationItem key={n.id} notification={n} onOpen={open} />
            ))}
          </Stack>
        </ScrollArea.Autosize>
        <Divider />
        <Group px="md" py={8} justify="space-between">
          <Anchor component={Link} to="/splits/notifications" size="xs" onClick={close}>
            {t('splits.notifications.seeAll')}
          </Anchor>
          <Anchor component={Link} to="/splits/account/notifications" size="xs" onClick={close}>
            <Group gap={4} component="span">
              <IconSettings size={14} />
              {t('splits.notifications.preferences')}
            </Group>
          </Anchor>
        </Group>
      </Popover.Dropdown>
    </Popover>
  )
}
