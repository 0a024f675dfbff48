import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { usePageTitle } from '../../app/use-page-title'
import { EmptyState } from '../../components/empty-state'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { RelativeTime } from '../../components/relative-time'
import { useMyChats } from './chat-api'

/** My lead chats, latest first, each with its unread count; a chat opens on its lead's page. */
export function ChatsPage() {
  const { t } = useTranslation()
  usePageTitle(t('ofair.nav.chats'))
  const chats = useMyChats()
  return (
    <>
      <PageHeader title={t('ofair.chat.listTitle')} description={t('ofair.chat.listDescription')} />
      {chats.isPending ? (
        <LoadingState />
      ) : chats.isError ? (
        <ErrorAlert error={chats.error} onRetry={() => void chats.refetch()} />
      ) : chats.data.data.length === 0 ? (
        <EmptyState title={t('ofair.chat.none')} />
      ) : (
        <Stack gap="sm">
          {chats.data.data.map((c) => (
            <Card key={c.conversation_id} withBorder radius="md" padding="sm" data-testid="my-chat">
              <Group justify="space-between" wrap="nowrap" gap="sm">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Anchor component={Link} to={`/ofair/leads/${c.lead_id}`} fw={600} lineClamp={1}>
                    {c.lead_title}
                  </Anchor>
                  <Text size="sm" c="dimmed" lineClamp={1}>
                    {t('ofair.chat.withName', { name: c.with_name })}
                  </Text>
                </Stack>
                <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
                  {c.unread > 0 && (
                    <Badge color="red" data-testid="my-chat-unread">
                      {t('ofair.chat.unread', { count: c.unread })}
                    </Badge>
                  )}
                  {c.last_message_at && <RelativeTime value={c.last_message_at} size="xs" c="dimmed" />}
                </Stack>
              </Group>
            </Card>
          ))}
        </Stack>
      )}
    </>
  )
}
