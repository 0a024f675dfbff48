import { Badge, Button, Group, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { LtrText } from '../../components/ltr-text'
import { useLabel } from '../../components/use-label'
import { formatDateTime } from '../../lib/format'
import { describeUserAgent } from '../../lib/user-agent'
import type { AccountSession } from './account-api'

interface SessionsTableProps {
  sessions: AccountSession[]
  onRevoke: (session: AccountSession) => void
  revokingId: string | undefined
}

export function SessionsTable({ sessions, onRevoke, revokingId }: SessionsTableProps) {
  const { t, i18n } = useTranslation()
  const label = useLabel()

  const device = (session: AccountSession) => {
    const summary = describeUserAgent(session.user_agent)
    return summary
      ? t('common.account.sessions.device', { browser: summary.browser, os: summary.os })
      : t('common.account.sessions.unknownDevice')
  }

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('common.account.sessions.deviceColumn')}</Table.Th>
            <Table.Th>{t('common.account.sessions.method')}</Table.Th>
            <Table.Th>{t('common.account.sessions.lastSeen')}</Table.Th>
            <Table.Th>{t('common.account.sessions.expires')}</Table.Th>
            <Table.Th>{t('common.account.sessions.ip')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.map((session) => (
            <Table.Tr key={session.id}>
              <Table.Td>
                <Text
                  size="sm"
                  fw={500}
                  title={session.user_agent ?? undefined}
                  style={{ whiteSpace: 'nowrap' }}
                >
                  {device(session)}
                </Text>
                <Group gap="xs" wrap="nowrap">
                  <Text size="xs" c="dimmed">
                    {label('marketplace', session.marketplace)}
                  </Text>
                  {session.current && (
                    <Badge variant="light" color="teal" size="xs" style={{ flexShrink: 0 }}>
                      {t('common.account.sessions.thisDevice')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>{label('signInMethod', session.via)}</Table.Td>
              <Table.Td>{formatDateTime(session.last_seen_at, i18n.language)}</Table.Td>
              <Table.Td>{formatDateTime(session.expires_at, i18n.language)}</Table.Td>
              <Table.Td>
                <LtrText size="sm">{session.ip ?? '—'}</LtrText>
              </Table.Td>
              <Table.Td ta="end">
                {!session.current && (
                  <Button
                    size="xs"
                    variant="light"
                    color="red"
                    loading={revokingId === session.id}
                    onClick={() => onRevoke(session)}
                  >
                    {t('common.account.sessions.revoke')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
