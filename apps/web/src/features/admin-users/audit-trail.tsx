import { Button, Code, Group, Spoiler, Stack, Text, ThemeIcon, Timeline } from '@mantine/core'
import {
  IconBan,
  IconCircleCheck,
  IconHistory,
  IconKey,
  IconLogout,
  IconMailCheck,
  IconMailX,
  IconPlayerPlay,
  IconUserMinus,
} from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { EmptyState } from '../../components/empty-state'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { formatDateTime } from '../../lib/format'
import { auditWords } from './audit-words'
import { type AuditEntry, useUserAudit } from './users-api'

const ICONS: Record<string, ReactNode> = {
  'identity.user_suspended': <IconBan size={14} />,
  'identity.user_reactivated': <IconPlayerPlay size={14} />,
  'identity.role_granted': <IconKey size={14} />,
  'identity.role_revoked': <IconUserMinus size={14} />,
  'identity.sessions_revoked': <IconLogout size={14} />,
  'identity.invitation_accepted': <IconMailCheck size={14} />,
  'identity.invitation_declined': <IconMailX size={14} />,
}

/** One-line JSON with a space after each comma and colon, so long values wrap between fields. */
function compact(value: unknown): string {
  return JSON.stringify(value ?? null, null, 1).replace(/\n\s*/g, ' ')
}

function Entry({ entry, userId }: { entry: AuditEntry; userId: string }) {
  const { t, i18n } = useTranslation()
  const words = auditWords(entry, t)
  const by =
    entry.actor_user_id === null
      ? t('admin.users.audit.bySystem')
      : entry.actor_user_id === userId
        ? t('admin.users.audit.byThemselves')
        : t('admin.users.audit.by', { name: entry.actor_name ?? t('admin.users.audit.someone') })
  return (
    <Stack gap={2}>
      <Text size="sm" fw={500}>
        {words.text}
      </Text>
      <Text size="xs" c="dimmed">
        <time dateTime={entry.occurred_at}>{formatDateTime(entry.occurred_at, i18n.language)}</time> · {by}
      </Text>
      {words.raw && (
        <Spoiler
          maxHeight={0}
          showLabel={t('admin.users.audit.details')}
          hideLabel={t('admin.users.audit.hide')}
        >
          <Code block dir="ltr" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {entry.action}
            {'\n'}
            {compact(words.raw.before)} → {compact(words.raw.after)}
          </Code>
        </Spoiler>
      )}
    </Stack>
  )
}

/** What was recorded about the person, newest first, in words and local times, a page at a time. */
export function AuditTrail({ userId }: { userId: string }) {
  const { t } = useTranslation()
  const audit = useUserAudit(userId)

  if (audit.isPending) return <LoadingState />
  if (audit.isError) return <ErrorAlert error={audit.error} onRetry={() => audit.refetch()} />
  const entries = audit.data.pages.flatMap((page) => page.data)
  if (entries.length === 0) {
    return <EmptyState icon={<IconHistory size={28} stroke={1.5} />} title={t('admin.users.audit.empty')} />
  }
  return (
    <Stack>
      <Timeline bulletSize={26} lineWidth={2} aria-label={t('admin.users.audit.title')}>
        {entries.map((entry) => {
          const tone = auditWords(entry, t).tone
          return (
            <Timeline.Item
              key={entry.seq}
              bullet={
                <ThemeIcon size={26} radius="xl" variant="light" color={tone}>
                  {ICONS[entry.action] ?? <IconCircleCheck size={14} />}
                </ThemeIcon>
              }
            >
              <Entry entry={entry} userId={userId} />
            </Timeline.Item>
          )
        })}
      </Timeline>
      {audit.hasNextPage && (
        <Group justify="center">
          <Button variant="default" onClick={() => audit.fetchNextPage()} loading={audit.isFetchingNextPage}>
            {t('admin.users.loadMore')}
          </Button>
        </Group>
      )}
    </Stack>
  )
}
