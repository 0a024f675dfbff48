import { Box, Group, Text, UnstyledButton } from '@mantine/core'
import { RelativeTime } from '../../components/relative-time'
import classes from './notification-item.module.css'
import type { Notification } from './notifications-api'

interface NotificationItemProps {
  notification: Notification
  onOpen: (notification: Notification) => void
}

/** One notification in the bell: unread ones are marked with a dot and bold title. */
export function NotificationItem({ notification: n, onOpen }: NotificationItemProps) {
  const unread = n.read_at === null
  return (
    <UnstyledButton
      onClick={() => onOpen(n)}
      px="sm"
      py={8}
      w="100%"
      style={{ borderRadius: 'var(--mantine-radius-md)' }}
      className={classes.item}
      data-unread={unread || undefined}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Box
          mt={7}
          w={8}
          h={8}
          style={{
            borderRadius: '50%',
            flexShrink: 0,
            background: unread ? 'var(--mantine-primary-color-filled)' : 'transparent',
          }}
        />
        <Box style={{ minWidth: 0, flex: 1 }}>
          <Text size="sm" fw={unread ? 700 : 500} lh={1.35}>
            {n.title}
          </Text>
          {n.body && (
            <Text size="xs" c="dimmed" lineClamp={2}>
              {n.body}
            </Text>
          )}
          <RelativeTime value={n.created_at} size="xs" c="dimmed" mt={2} />
        </Box>
      </Group>
    </UnstyledButton>
  )
}
