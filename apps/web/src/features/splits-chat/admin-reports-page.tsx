import { Alert, Badge, Button, Card, Group, Modal, SegmentedControl, Stack, Text } from '@mantine/core'
import { IconDownload, IconFlag, IconShieldLock } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { usePageTitle } from '../../app/use-page-title'
import { EmptyState } from '../../components/empty-state'
import { ErrorAlert } from '../../components/error-alert'
import { LoadMore } from '../../components/load-more'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { RelativeTime } from '../../components/relative-time'
import { SectionCard } from '../../components/section-card'
import { formatBytes } from '../documents/documents-panel'
import { useCloseReport, useReportQueue, useTranscript } from './splits-chat-api'

type Status = 'open' | 'resolved' | 'dismissed'

/** Platform admins: reported messages, the conversation read in full (each read logged), resolve or dismiss. */
export function AdminConversationReportsPage() {
  const { t } = useTranslation()
  usePageTitle(t('splitsChat.admin.title'))
  const [status, setStatus] = useState<Status>('open')
  const queue = useReportQueue(status)
  const reports = queue.data?.pages.flatMap((p) => p.data) ?? []
  const close = useCloseReport()
  const [reading, setReading] = useState<{ conversation: string; message: string } | null>(null)
  return (
    <>
      <PageHeader title={t('splitsChat.admin.title')} description={t('splitsChat.admin.description')} />
      <SectionCard
        title={t('splitsChat.admin.queue')}
        actions={
          <SegmentedControl
            size="xs"
            value={status}
            onChange={(v) => setStatus(v as Status)}
            data={(['open', 'resolved', 'dismissed'] as const).map((s) => ({
              value: s,
              label: t(`splitsChat.admin.status.${s}`),
            }))}
          />
        }
      >
        {queue.isPending && <LoadingState />}
        {queue.isError && <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} />}
        {queue.data && reports.length === 0 && (
          <EmptyState icon={<IconFlag size={28} stroke={1.5} />} title={t('splitsChat.admin.empty')} />
        )}
        <Stack gap="sm">
          {close.isError && <ErrorAlert error={close.error} />}
          {reports.map((r) => (
            <Card key={r.id} withBorder padding="sm" data-testid="report-row">
              <Group justify="space-between" align="flex-start" gap="sm">
                <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
                  <Group gap="xs">
                    <Badge color="red" variant="light">
                      {t(`splitsChat.reasons.${r.reason}`)}
                    </Badge>
                    <Badge variant="outline">{t(`splitsChat.admin.kind.${r.subject_kind}`)}</Badge>
                  </Group>
                  <Text size="sm">
                    {t('splitsChat.admin.reportedBy', { reporter: r.reporter_name, sender: r.sender_name })}
                  </Text>
                  {r.note && (
                    <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      “{r.note}”
                    </Text>
                  )}
                  <RelativeTime value={r.created_at} size="xs" c="dimmed" />
                </Stack>
                <Group gap="xs">
                  <Button
                    size="xs"
                    variant="default"
                    leftSection={<IconShieldLock size={14} />}
                    onClick={() => setReading({ conversation: r.conversation_id, message: r.message_id })}
                    data-testid="report-read"
                  >
                    {t('splitsChat.admin.read')}
                  </Button>
                  {r.status === 'open' && (
                    <>
                      <Button
                        size="xs"
                        color="red"
                        onClick={() => close.mutate({ id: r.id, status: 'resolved' })}
                      >
                        {t('splitsChat.admin.resolve')}
                      </Button>
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => close.mutate({ id: r.id, status: 'dismissed' })}
                      >
                        {t('splitsChat.admin.dismiss')}
                      </Button>
                    </>
                  )}
                </Group>
              </Group>
            </Card>
          ))}
          {reports.length > 0 && (
            <LoadMore
              shown={t('splitsChat.admin.shown', { count: reports.length })}
              hasMore={queue.hasNextPage}
              loading={queue.isFetchingNextPage}
              onLoadMore={() => void queue.fetchNextPage()}
            />
          )}
        </Stack>
      </SectionCard>
      <TranscriptModal reading={reading} onClose={() => setReading(null)} />
    </>
  )
}

function TranscriptModal({
  reading,
  onClose,
}: {
  reading: { conversation: string; message: string } | null
  onClose: () => void
}) {
  const { t, i18n } = useTranslation()
  const transcript = useTranscript(reading?.conversation ?? null)
  const names = new Map(transcript.data?.participants.map((p) => [p.user_id, p.display_name]) ?? [])
  return (
    <Modal opened={reading !== null} onClose={onClose} title={t('splitsChat.admin.transcript')} size="lg">
      <Stack gap="xs">
        <Alert color="yellow" variant="light" icon={<IconShieldLock size={16} />}>
          {t('splitsChat.admin.logged')}
        </Alert>
        {transcript.isPending && <LoadingState minHeight={80} />}
        {transcript.isError && <ErrorAlert error={transcript.error} />}
        {transcript.data?.messages.map((m) => (
          <Card
            key={m.id}
            withBorder
            padding="xs"
            style={m.id === reading?.message ? { borderColor: 'var(--mantine-color-red-6)' } : undefined}
          >
            <Text size="xs" c="dimmed">
              {names.get(m.sender_user_id)} · {new Date(m.created_at).toLocaleString(i18n.language)}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {m.text}
            </Text>
            {m.attachment && reading && (
              <Group gap={6} mt={4} data-testid="admin-transcript-attachment">
                <Button
                  component="a"
                  size="compact-xs"
                  variant="light"
                  leftSection={<IconDownload size={12} />}
                  href={`/api/admin/conversations/${reading.conversation}/attachments/${m.attachment.id}?purpose=moderation`}
                  download={m.attachment.file_name}
                >
                  {m.attachment.file_name}
                </Button>
                <Text size="xs" c="dimmed">
                  {formatBytes(m.attachment.size_bytes)} · {t('splitsChat.admin.fileLogged')}
                </Text>
              </Group>
            )}
          </Card>
        ))}
      </Stack>
    </Modal>
  )
}
