import { Badge, Box, Button, Card, Group, Stack, Tabs, Text, Textarea, Title, Tooltip } from '@mantine/core'
import { IconCheck, IconChecks, IconLock, IconSend } from '@tabler/icons-react'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { type ChatMessage, useSendMessage } from '../conversations/conversation-api'
import type { ChatConnection } from '../conversations/use-chat-socket'
import { useLiveConversation } from '../conversations/use-live-conversation'
import type { Lead } from '../ofair-leads/ofair-api'
import { type ChatThread, useLeadChats, useOpenChat } from './chat-api'

/** The lead's chat: its owner one thread per proposer, a proposer their own thread. */
export function ChatPanel({ lead }: { lead: Lead }) {
  const { t } = useTranslation()
  const threads = useLeadChats(lead.id)
  const list = threads.data?.data ?? []
  const [selected, setSelected] = useState<string | null>(null)
  const current = list.find((x) => x.proposal_id === selected) ?? list[0]
  if (threads.isPending) return null
  if (threads.isError || list.length === 0) return null
  return (
    <Card withBorder radius="md" padding="md" data-testid="chat-panel">
      <Stack gap="sm">
        <Title order={2} fz="lg">
          {t('ofair.chat.title')}
        </Title>
        {lead.is_owner && list.length > 1 && (
          <Tabs value={current?.proposal_id ?? null} onChange={setSelected} variant="pills">
            <Tabs.List>
              {list.map((x) => (
                <Tabs.Tab
                  key={x.proposal_id}
                  value={x.proposal_id}
                  data-testid="chat-thread-tab"
                  rightSection={
                    x.unread > 0 ? (
                      <Badge size="xs" circle color="red">
                        {x.unread}
                      </Badge>
                    ) : null
                  }
                >
                  {x.professional_name}
                </Tabs.Tab>
              ))}
            </Tabs.List>
          </Tabs>
        )}
        {current && <Thread key={current.proposal_id} lead={lead} thread={current} />}
      </Stack>
    </Card>
  )
}

function Thread({ lead, thread }: { lead: Lead; thread: ChatThread }) {
  const { t } = useTranslation()
  const open = useOpenChat(lead.id)
  const { mutate } = open
  // opening is idempotent on the server: the first look at a thread makes its conversation
  useEffect(() => {
    if (!thread.conversation_id) mutate(thread.proposal_id)
  }, [thread.conversation_id, thread.proposal_id, mutate])
  if (open.isError) return <ErrorAlert error={open.error} />
  if (!thread.conversation_id) return <LoadingState minHeight={120} />
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {lead.is_owner
          ? t('ofair.chat.withPro', { name: thread.professional_name })
          : t('ofair.chat.withOwner')}
      </Text>
      {!thread.contact_details_visible && (
        <Group gap={6} wrap="nowrap" data-testid="chat-masking-note">
          <IconLock size={14} />
          <Text size="xs" c="dimmed">
            {t('ofair.chat.maskingNote')}
          </Text>
        </Group>
      )}
      <Conversation id={thread.conversation_id} />
    </Stack>
  )
}

function Conversation({ id }: { id: string }) {
  const { t } = useTranslation()
  const { page, data, me, connection, addSent } = useLiveConversation(id, ['ofair', 'chats'])

  const bottom = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (data.length > 0) bottom.current?.scrollIntoView?.({ block: 'nearest' })
  }, [data.length])

  if (page.isPending) return <LoadingState minHeight={120} />
  if (page.isError) return <ErrorAlert error={page.error} onRetry={() => void page.refetch()} />
  const others = page.data.participants.filter((p) => p.user_id !== me?.id)
  const seenUpTo = others.map((p) => p.last_read_message_id).find(Boolean) ?? null
  const seenAt = others.find((p) => p.last_read_message_id)?.last_read_at ?? null
  const blocked = page.data.participants.some((p) => p.blocked)
  return (
    <Stack gap="xs">
      <ConnectionBadge state={connection} />
      <Box
        data-testid="chat-messages"
        style={{
          maxHeight: 420,
          overflowY: 'auto',
          overflowX: 'hidden',
          padding: 4,
          display: 'flex',
          flexDirection: 'column',
          gap: 6,
        }}
      >
        {data.length === 0 && (
          <Text size="sm" c="dimmed" ta="center" py="md">
            {t('ofair.chat.empty')}
          </Text>
        )}
        {data.map((m) => (
          <Bubble
            key={m.id}
            message={m}
            own={m.sender_user_id === me?.id}
            seen={seenUpTo !== null && seenUpTo >= m.id}
            seenAt={seenAt}
          />
        ))}
        <div ref={bottom} />
      </Box>
      {blocked ? (
        <Text size="sm" c="dimmed">
          {t('ofair.chat.blocked')}
        </Text>
      ) : (
        <Composer id={id} onSent={addSent} />
      )}
    </Stack>
  )
}

function ConnectionBadge({ state }: { state: ChatConnection }) {
  const { t } = useTranslation()
  const color = { connecting: 'gray', online: 'teal', reconnecting: 'orange', polling: 'yellow' }[state]
  return (
    <Group justify="flex-end">
      <Badge size="sm" variant="dot" color={color} data-testid="chat-connection" data-state={state}>
        {t(`ofair.chat.connection.${state}`)}
      </Badge>
    </Group>
  )
}

function Bubble({
  message,
  own,
  seen,
  seenAt,
}: {
  message: ChatMessage
  own: boolean
  seen: boolean
  seenAt: string | null
}) {
  const { t, i18n } = useTranslation()
  const time = new Date(message.created_at).toLocaleTimeString(i18n.language, {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Jerusalem',
  })
  return (
    <Stack
      gap={2}
      data-testid="chat-message"
      data-own={own ? 'true' : 'false'}
      style={{ alignSelf: own ? 'flex-start' : 'flex-end', maxWidth: '85%' }}
    >
      <Box
        px="sm"
        py={6}
        style={{
          borderRadius: 12,
          background: own ? 'var(--mantine-color-blue-light)' : 'var(--mantine-color-default-hover)',
          border: '1px solid var(--mantine-color-default-border)',
        }}
      >
        {/* React renders text: whatever was typed, markup included, shows as characters */}
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} dir="auto">
          <MessageText text={message.text} />
        </Text>
      </Box>
      {message.mask_reason && (
        <Text size="xs" c="dimmed" data-testid="chat-masked-hint">
          {t('ofair.chat.maskedHint')}
        </Text>
      )}
      <Group gap={4} justify={own ? 'flex-start' : 'flex-end'}>
        <Text size="xs" c="dimmed">
          {time}
        </Text>
        {own &&
          (seen ? (
            <Tooltip
              label={
                seenAt
                  ? t('ofair.chat.seenAt', {
                      time: new Date(seenAt).toLocaleString(i18n.language, { timeZone: 'Asia/Jerusalem' }),
                    })
                  : t('ofair.chat.seen')
              }
            >
              <Group gap={2} data-testid="chat-seen" aria-label={t('ofair.chat.seen')}>
                <IconChecks size={14} color="var(--mantine-color-blue-6)" />
              </Group>
            </Tooltip>
          ) : (
            <Group gap={2} aria-label={t('ofair.chat.sent')}>
              <IconCheck size={14} color="var(--mantine-color-dimmed)" />
            </Group>
          ))}
      </Group>
    </Stack>
  )
}

function Composer({ id, onSent }: { id: string; onSent: (m: ChatMessage) => void }) {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const send = useSendMessage(id)
  const trimmed = text.trim()
  const submit = () => {
    if (!trimmed || send.isPending) return
    send.mutate(text, {
      onSuccess: (m) => {
        setText('')
        onSent(m)
      },
    })
  }
  const error = useMemo(() => (send.isError ? send.error : null), [send.isError, send.error])
  return (
    <Stack gap={6}>
      {error && <ErrorAlert error={error} />}
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <Textarea
          style={{ flex: 1 }}
          autosize
          minRows={1}
          maxRows={5}
          maxLength={2000}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault()
              submit()
            }
          }}
          placeholder={t('ofair.chat.placeholder')}
          aria-label={t('ofair.chat.placeholder')}
          data-testid="chat-input"
        />
        <Button
          onClick={submit}
          loading={send.isPending}
          disabled={!trimmed}
          leftSection={<IconSend size={16} style={{ transform: 'scaleX(-1)' }} />}
          data-testid="chat-send"
        >
          {t('ofair.chat.send')}
        </Button>
      </Group>
    </Stack>
  )
}

const NUMBER_RUN = /(\+?\d[\d\s\-–.()/]{4,}\d)/

/** Text as typed; numbers (a phone, an amount) kept left to right and on one line inside Hebrew. */
function MessageText({ text }: { text: string }) {
  const parts = text.split(NUMBER_RUN)
  return (
    <>
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one immutable text
          <bdi key={i} dir="ltr" style={{ whiteSpace: 'nowrap' }}>
            {part}
          </bdi>
        ) : (
          part
        ),
      )}
    </>
  )
}
