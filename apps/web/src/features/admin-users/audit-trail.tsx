import { Code, Group, Table, Text } from '@mantine/core'
import { IconArrowRight, IconHistory } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { EmptyState } from '../../components/empty-state'
import { formatDateTime } from '../../lib/format'
import type { UserDetail } from './users-api'

/** One-line JSON with a space after each comma and colon, so long values wrap between fields. */
function compact(value: unknown): string {
  return JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ')
}

function JsonValue({ value }: { value: unknown }) {
  if (value === null || value === undefined) {
    return (
      <Text size="sm" c="dimmed" mt={4}>
        —
      </Text>
    )
  }
  return (
    <Code block style={{ flex: 1, minWidth: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {compact(value)}
    </Code>
  )
}

/** Every audited change to the person, newest first: action, when, who, before → after. */
export function AuditTrail({ entries }: { entries: UserDetail['audit'] }) {
  const { t, i18n } = useTranslation()

  if (entries.length === 0) {
    return <EmptyState icon={<IconHistory size={28} stroke={1.5} />} title={t('admin.users.audit.empty')} />
  }
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.users.audit.when')}</Table.Th>
            <Table.Th>{t('admin.users.audit.action')}</Table.Th>
            <Table.Th>{t('admin.users.audit.change')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.seq}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">{formatDateTime(entry.occurred_at, i18n.language)}</Text>
                <Text size="xs" c="dimmed">
                  {entry.actor_user_id
                    ? t('admin.users.audit.byUser', { id: entry.actor_user_id.slice(0, 8) })
                    : t('admin.users.audit.bySystem')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Code>{entry.action}</Code>
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap" align="flex-start" dir="ltr">
                  <JsonValue value={entry.before} />
                  <IconArrowRight size={14} style={{ marginTop: 8, flexShrink: 0 }} />
                  <JsonValue value={entry.after} />
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
