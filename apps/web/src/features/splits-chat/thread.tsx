import {
  ActionIcon,
  Alert,
  Badge,
  Box,
  Button,
  CloseButton,
  FileButton,
  Group,
  Menu,
  Modal,
  Progress,
  Select,
  Stack,
  Text,
  Textarea,
  Tooltip,
} from '@mantine/core'
import {
  IconBan,
  IconCheck,
  IconChecks,
  IconDots,
  IconDownload,
  IconFileText,
  IconFlag,
  IconLock,
  IconPaperclip,
  IconPhoto,
  IconSend,
} from '@tabler/icons-react'
import type { ParseKeys } from 'i18next'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, errorMessage } from '../../api/client'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import {
  attachmentUrl,
  type ChatMessage,
  type ReportReason,
  useBlock,
  useReport,
  useSendMessage,
} from '../conversations/conversation-api'
import type { ChatConnection } from '../conversations/use-chat-socket'
import { useLiveConversation } from '../conversations/use-live-conversation'
import { type DocumentItem, fetchDocument, uploadDocument } from '../documents/documents-api'
import { formatBytes } from '../documents/documents-panel'
import { splitsChatKeys } from './splits-chat-api'

/**
 * One Splits Network conversation, live: messages pushed over the socket (resumed from the last id
 * after a reconnect, long polling as the fallback), read receipts, block and report.
 */
export function Thread({ id, maskingNote }: { id: string; maskingNote?: string }) {
  const { t } = useTranslation()
  const { page, data, mine, me, connection, addSent } = useLiveConversation(id, splitsChatKeys.all)
  const [reporting, setReporting] = useState<ChatMessage | null>(null)

  const scroller = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const el = scroller.current
    if (el && data.length > 0) el.scrollTop = el.scrollHeight
  }, [data.length])

  if (page.isPending) return <LoadingState minHeight={120} />
  if (page.isError) return <ErrorAlert error={page.error} onRetry={() => void page.refetch()} />
  const names = new Map(page.data.participants.map((p) => [p.user_id, p.display_name]))
  const others = page.data.participants.filter((p) => p.user_id !== me?.id)
  const seenUpTo = others
    .map((p) => p.last_read_message_id)
    .filter((x): x is string => Boolean(x))
    .sort()
    .pop()
  const blockedByMe = mine?.blocked ?? false
  const blocked = page.data.participants.some((p) => p.blocked)
  return (
    <Stack gap="xs" data-testid="splits-thread" data-conversation={id}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="xs" c="dimmed" lineClamp={1}>
          {t('splitsChat.with', { names: others.map((p) => p.display_name).join(', ') })}
        </Text>
        <Group gap={6} wrap="nowrap">
          <ConnectionBadge state={connection} />
          <BlockButton id={id} blockedByMe={blockedByMe} />
        </Group>
      </Group>
      {maskingNote && (
        <Group gap={6} wrap="nowrap">
          <IconLock size={14} style={{ flexShrink: 0 }} />
          <Text size="xs" c="dimmed">
            {maskingNote}
          </Text>
        </Group>
      )}
      <Box
        ref={scroller}
        data-testid="chat-messages"
        style={{
          maxHeight: 380,
          overflowY: 'auto',
          overflowX: 'hidden',
          padding: 4,
          display: 'flex',
          flexDirection: 'column',
          gap: 8,
        }}
      >
        {data.length === 0 && (
          <Text size="sm" c="dimmed" ta="center" py="md">
            {t('splitsChat.empty')}
          </Text>
        )}
        {data.map((m) => (
          <Bubble
            key={m.id}
            message={m}
            own={m.sender_user_id === me?.id}
            sender={names.get(m.sender_user_id) ?? ''}
            seen={seenUpTo !== undefined && seenUpTo >= m.id}
            onReport={() => setReporting(m)}
          />
        ))}
      </Box>
      {blocked ? (
        <Alert color="gray" variant="light" icon={<IconBan size={16} />} data-testid="chat-blocked">
          {blockedByMe ? t('splitsChat.blockedByMe') : t('splitsChat.blocked')}
        </Alert>
      ) : (
        <Composer id={id} onSent={addSent} />
      )}
      <ReportModal conversationId={id} message={reporting} onClose={() => setReporting(null)} />
    </Stack>
  )
}

function ConnectionBadge({ state }: { state: ChatConnection }) {
  const { t } = useTranslation()
  const color = { connecting: 'gray', online: 'teal', reconnecting: 'orange', polling: 'yellow' }[state]
  return (
    <Badge size="sm" variant="dot" color={color} data-testid="chat-connection" data-state={state}>
      {t(`splitsChat.connection.${state}`)}
    </Badge>
  )
}

function BlockButton({ id, blockedByMe }: { id: string; blockedByMe: boolean }) {
  const { t } = useTranslation()
  const block = useBlock(id)
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={t('splitsChat.more')} data-testid="chat-more">
          <IconDots size={16} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item
          leftSection={<IconBan size={14} />}
          color={blockedByMe ? undefined : 'red'}
          onClick={() => block.mutate(!blockedByMe)}
          data-testid="chat-block"
        >
          {blockedByMe ? t('splitsChat.unblock') : t('splitsChat.block')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  )
}

function Bubble({
  message,
  own,
  sender,
  seen,
  onReport,
}: {
  message: ChatMessage
  own: boolean
  sender: string
  seen: boolean
  onReport: () => void
}) {
  const { t, i18n } = useTranslation()
  const time = new Date(message.created_at).toLocaleString(i18n.language, {
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })
  return (
    <Stack
      gap={2}
      data-testid="chat-message"
      data-own={own ? 'true' : 'false'}
      style={{ alignSelf: own ? 'flex-end' : 'flex-start', maxWidth: '85%' }}
    >
      {!own && (
        <Text size="xs" c="dimmed" fw={500}>
          {sender}
        </Text>
      )}
      <Group gap={4} wrap="nowrap" align="flex-start" style={{ flexDirection: own ? 'row-reverse' : 'row' }}>
        <Box
          px="sm"
          py={6}
          style={{
            borderRadius: 12,
            background: own ? 'var(--mantine-color-blue-light)' : 'var(--mantine-color-default-hover)',
            border: '1px solid var(--mantine-color-default-border)',
            minWidth: 0,
          }}
        >
          {/* a React text node: whatever was typed shows as characters, never as markup */}
          {message.text !== '' && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {message.text}
            </Text>
          )}
          {message.attachment && (
            <AttachmentChip conversationId={message.conversation_id} attachment={message.attachment} />
          )}
        </Box>
        {!own && (
          <Tooltip label={t('splitsChat.report')}>
            <ActionIcon
              variant="subtle"
              color="gray"
              size="sm"
              onClick={onReport}
              aria-label={t('splitsChat.report')}
              data-testid="chat-report"
            >
              <IconFlag size={14} />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
      {message.mask_reason && (
        <Text size="xs" c="dimmed" data-testid="chat-masked-hint">
          {t('splitsChat.maskedHint')}
        </Text>
      )}
      <Group gap={4} justify={own ? 'flex-end' : 'flex-start'}>
        <Text size="xs" c="dimmed">
          {time}
        </Text>
        {own &&
          (seen ? (
            <Group gap={2} data-testid="chat-seen" aria-label={t('splitsChat.seen')}>
              <IconChecks size={14} color="var(--mantine-color-blue-6)" />
            </Group>
          ) : (
            <Group gap={2} aria-label={t('splitsChat.sent')}>
              <IconCheck size={14} color="var(--mantine-color-dimmed)" />
            </Group>
          ))}
      </Group>
    </Stack>
  )
}

function AttachmentChip({
  conversationId,
  attachment,
}: {
  conversationId: string
  attachment: NonNullable<ChatMessage['attachment']>
}) {
  const { t } = useTranslation()
  const Icon = attachment.media_type.startsWith('image/') ? IconPhoto : IconFileText
  return (
    <Group
      gap={8}
      wrap="nowrap"
      mt={4}
      px={8}
      py={6}
      data-testid="chat-attachment"
      style={{
        borderRadius: 8,
        background: 'var(--mantine-color-body)',
        border: '1px solid var(--mantine-color-default-border)',
      }}
    >
      <Icon size={22} style={{ flexShrink: 0 }} />
      <Box style={{ minWidth: 0 }}>
        <Text
          size="sm"
          fw={500}
          lineClamp={1}
          style={{ overflowWrap: 'anywhere' }}
          data-testid="chat-attachment-name"
        >
          {attachment.file_name}
        </Text>
        <Text size="xs" c="dimmed" data-testid="chat-attachment-size">
          {formatBytes(attachment.size_bytes)}
        </Text>
      </Box>
      <Tooltip label={t('splitsChat.download', { name: attachment.file_name })}>
        <ActionIcon
          component="a"
          href={attachmentUrl(conversationId, attachment.id)}
          download={attachment.file_name}
          variant="light"
          aria-label={t('splitsChat.download', { name: attachment.file_name })}
          data-testid="chat-attachment-download"
        >
          <IconDownload size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  )
}

/** Accepted by the picker; the server reads the real type from the content. */
const ATTACH_ACCEPT = '.pdf,.docx,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg'

/** The words for a refused file or send: the server's stable code, else its problem text. */
function useAttachmentErrorText() {
  const { t, i18n } = useTranslation()
  return (err: unknown): string => {
    const key = err instanceof ApiError ? `splitsChat.attachmentErrors.${err.code}` : ''
    return key && i18n.exists(key) ? t(key as ParseKeys) : errorMessage(err, t)
  }
}

/** A refusal about the file (or one the words for files explain better), by its stable code. */
const attachmentCode = (err: unknown) =>
  err instanceof ApiError && (err.code?.startsWith('attachment') || err.code?.startsWith('document_'))

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/**
 * A file for the next message: uploaded as a draft of mine (progress), then checked by the
 * Document Service (pending → ready | failed) before it can be sent.
 */
function useAttachment() {
  const { t } = useTranslation()
  const errorText = useAttachmentErrorText()
  const [file, setFile] = useState<DocumentItem | null>(null)
  const [progress, setProgress] = useState<{ name: string; percent: number; checking: boolean } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const pick = async (picked: File | null) => {
    if (!picked) return
    setError(null)
    setFile(null)
    setProgress({ name: picked.name, percent: 0, checking: false })
    try {
      let doc = await uploadDocument({ kind: 'message_attachment', file: picked }, (f) =>
        setProgress({ name: picked.name, percent: Math.round(f * 100), checking: false }),
      )
      setProgress({ name: picked.name, percent: 100, checking: true })
      for (let i = 0; i < 120 && (doc.status === 'pending' || doc.status === 'processing'); i++) {
        await sleep(500)
        doc = await fetchDocument(doc.id)
      }
      if (doc.status === 'ready') setFile(doc)
      else if (doc.status === 'failed') setError(t('splitsChat.attachmentErrors.attachment_failed'))
      else setError(t('splitsChat.attachmentErrors.attachment_not_ready'))
    } catch (err) {
      setError(errorText(err))
    } finally {
      setProgress(null)
    }
  }
  return { file, progress, error, pick, clear: () => setFile(null), dismiss: () => setError(null) }
}

export function Composer({
  id,
  onSent,
  send: sendOverride,
  placeholder,
}: {
  id?: string
  onSent?: (m: ChatMessage) => void
  /** Sends elsewhere (the first question about a role); else to the conversation `id`. */
  send?: { mutate: (text: string, o: { onSuccess: () => void }) => void; isPending: boolean; error: unknown }
  placeholder?: string
}) {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  const own = useSendMessage(id ?? '')
  const attachment = useAttachment()
  const errorText = useAttachmentErrorText()
  // one key per composed message: a retried send answers the first one, never posts twice
  const key = useRef<string>(crypto.randomUUID())
  const trimmed = text.trim()
  // files go with messages of an open conversation (a first question is text only)
  const canAttach = !sendOverride && Boolean(id)
  const file = canAttach ? attachment.file : null
  const pending = sendOverride ? sendOverride.isPending : own.isPending
  const error = sendOverride ? sendOverride.error : own.isError ? own.error : null
  const submit = () => {
    if ((!trimmed && !file) || pending || attachment.progress) return
    if (sendOverride) {
      sendOverride.mutate(text, { onSuccess: () => setText('') })
      return
    }
    own.mutate(
      {
        ...(trimmed ? { text } : {}),
        ...(file ? { document_id: file.id } : {}),
        idempotencyKey: key.current,
      },
      {
        onSuccess: (m) => {
          setText('')
          attachment.clear()
          key.current = crypto.randomUUID()
          onSent?.(m)
        },
      },
    )
  }
  return (
    <Stack gap={6}>
      {error ? (
        attachmentCode(error) ? (
          <Alert color="red" variant="light" data-testid="chat-send-error">
            {errorText(error)}
          </Alert>
        ) : (
          <ErrorAlert error={error} />
        )
      ) : null}
      {attachment.error && (
        <Alert
          color="red"
          variant="light"
          withCloseButton
          onClose={attachment.dismiss}
          data-testid="chat-attach-error"
        >
          {attachment.error}
        </Alert>
      )}
      {attachment.progress && (
        <Stack gap={2} data-testid="chat-attach-progress">
          <Text size="xs" c="dimmed">
            {attachment.progress.checking
              ? t('splitsChat.checkingFile', { name: attachment.progress.name })
              : t('splitsChat.uploadingFile', {
                  name: attachment.progress.name,
                  percent: attachment.progress.percent,
                })}
          </Text>
          <Progress
            value={attachment.progress.percent}
            animated={attachment.progress.checking}
            aria-label={t('splitsChat.attach')}
          />
        </Stack>
      )}
      {file && (
        <Group gap={6} wrap="nowrap" data-testid="chat-attach-ready">
          <IconPaperclip size={14} style={{ flexShrink: 0 }} />
          <Text size="xs" lineClamp={1}>
            {t('splitsChat.attached', { name: file.file_name, size: formatBytes(file.size_bytes) })}
          </Text>
          <CloseButton size="sm" aria-label={t('splitsChat.removeAttachment')} onClick={attachment.clear} />
        </Group>
      )}
      <Group gap="xs" align="flex-end" wrap="nowrap">
        {canAttach && (
          <FileButton onChange={(f) => void attachment.pick(f)} accept={ATTACH_ACCEPT}>
            {(props) => (
              <Tooltip label={`${t('splitsChat.attach')} · ${t('splitsChat.attachHint')}`}>
                <ActionIcon
                  {...props}
                  size="lg"
                  variant="default"
                  loading={attachment.progress !== null}
                  aria-label={t('splitsChat.attach')}
                  data-testid="chat-attach"
                >
                  <IconPaperclip size={18} />
                </ActionIcon>
              </Tooltip>
            )}
          </FileButton>
        )}
        <Textarea
          style={{ flex: 1, minWidth: 0 }}
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
          placeholder={placeholder ?? t('splitsChat.placeholder')}
          aria-label={placeholder ?? t('splitsChat.placeholder')}
          data-testid="chat-input"
        />
        <Button
          onClick={submit}
          loading={pending}
          disabled={(!trimmed && !file) || attachment.progress !== null}
          leftSection={<IconSend size={16} />}
          data-testid="chat-send"
        >
          {t('splitsChat.send')}
        </Button>
      </Group>
    </Stack>
  )
}

const REASONS: ReportReason[] = ['spam', 'harassment', 'off_platform', 'confidential_information', 'other']

function ReportModal({
  conversationId,
  message,
  onClose,
}: {
  conversationId: string
  message: ChatMessage | null
  onClose: () => void
}) {
  const { t } = useTranslation()
  const report = useReport(conversationId)
  const [reason, setReason] = useState<ReportReason | null>(null)
  const [note, setNote] = useState('')
  const close = () => {
    setReason(null)
    setNote('')
    report.reset()
    onClose()
  }
  return (
    <Modal opened={message !== null} onClose={close} title={t('splitsChat.reportTitle')} centered>
      {report.isSuccess ? (
        <Stack>
          <Alert color="teal" data-testid="chat-reported">
            {t('splitsChat.reported')}
          </Alert>
          <Button onClick={close}>{t('splitsChat.close')}</Button>
        </Stack>
      ) : (
        <Stack>
          <Text size="sm" c="dimmed" lineClamp={3}>
            “{message?.text || message?.attachment?.file_name}”
          </Text>
          <Select
            label={t('splitsChat.reason')}
            data={REASONS.map((r) => ({ value: r, label: t(`splitsChat.reasons.${r}`) }))}
            value={reason}
            onChange={(v) => setReason(v as ReportReason | null)}
            required
            comboboxProps={{ withinPortal: true }}
            data-testid="report-reason"
          />
          <Textarea
            label={t('splitsChat.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={1000}
            autosize
            minRows={2}
          />
          {report.isError && <ErrorAlert error={report.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('splitsChat.cancel')}
            </Button>
            <Button
              color="red"
              disabled={!reason}
              loading={report.isPending}
              onClick={() =>
                message &&
                reason &&
                report.mutate({
                  messageId: message.id,
                  reason,
                  ...(note.trim() ? { note: note.trim() } : {}),
                })
              }
              data-testid="report-submit"
            >
              {t('splitsChat.sendReport')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  )
}
