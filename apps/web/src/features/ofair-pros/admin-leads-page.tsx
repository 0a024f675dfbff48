import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { api } from '../../api/client'
import { unwrap } from '../../api/use-api'
import { usePageTitle } from '../../app/use-page-title'
import { EmptyState } from '../../components/empty-state'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { RelativeTime } from '../../components/relative-time'

type Status = 'active' | 'pending' | 'closed'
const STATUS_COLOR = { active: 'teal', pending: 'orange', closed: 'gray' } as const

/** The admin's lead moderation: every lead, search and status; take one down with a reason; who saw its client. */
export function AdminLeadsPage() {
  const { t } = useTranslation()
  usePageTitle(t('ofair.admin.leadsTitle'))
  const [status, setStatus] = useState<'all' | Status>('active')
  const [q, setQ] = useState('')
  const [debounced] = useDebouncedValue(q.trim(), 250)
  const [removing, setRemoving] = useState<string | null>(null)
  const [logsOf, setLogsOf] = useState<string | null>(null)
  const leads = useQuery({
    queryKey: ['ofair', 'admin', 'leads', status, debounced],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/ofair/admin/leads', {
          params: {
            query: {
              limit: 50,
              ...(status !== 'all' ? { status } : {}),
              ...(debounced ? { q: debounced } : {}),
            },
          },
          signal,
        }),
      ),
  })
  return (
    <>
      <PageHeader title={t('ofair.admin.leadsTitle')} description={t('ofair.admin.leadsDescription')} />
      <Stack gap="md">
        <Group>
          <SegmentedControl
            value={status}
            onChange={(v) => setStatus(v as 'all' | Status)}
            data={[
              { value: 'active', label: t('ofair.lead.status.active') },
              { value: 'pending', label: t('ofair.lead.status.pending') },
              { value: 'closed', label: t('ofair.lead.status.closed') },
              { value: 'all', label: t('ofair.board.allTypes') },
            ]}
          />
          <TextInput
            placeholder={t('ofair.admin.search')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
          />
        </Group>
        {leads.isPending ? (
          <LoadingState />
        ) : leads.isError ? (
          <ErrorAlert error={leads.error} />
        ) : leads.data.data.length === 0 ? (
          <EmptyState title={t('ofair.admin.noLeads')} />
        ) : (
          leads.data.data.map((l) => (
            <Card key={l.id} withBorder radius="md" padding="sm" data-testid="admin-lead">
              <Group justify="space-between" wrap="nowrap">
                <Stack gap={2}>
                  <Text component={Link} to={`/ofair/leads/${l.id}`} fw={600}>
                    {l.title}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {l.category.name} · {l.locality.name} ·{' '}
                    {l.owner_professional?.display_name ?? t('ofair.lead.typeConsumer')}
                  </Text>
                  <RelativeTime value={l.published_at} size="xs" c="dimmed" />
                </Stack>
                <Stack gap={6} align="flex-end">
                  <Badge color={STATUS_COLOR[l.status]}>{t(`ofair.lead.status.${l.status}`)}</Badge>
                  <Group gap={6}>
                    <Button size="xs" variant="default" onClick={() => setLogsOf(l.id)}>
                      {t('ofair.admin.accessLog')}
                    </Button>
                    {l.status !== 'closed' && (
                      <Button size="xs" color="red" variant="light" onClick={() => setRemoving(l.id)}>
                        {t('ofair.admin.remove')}
                      </Button>
                    )}
                  </Group>
                </Stack>
              </Group>
            </Card>
          ))
        )}
      </Stack>
      <RemoveModal id={removing} onClose={() => setRemoving(null)} />
      <AccessLogModal leadId={logsOf} onClose={() => setLogsOf(null)} />
    </>
  )
}

export function RemoveModal({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation()
  const [note, setNote] = useState('')
  const queryClient = useQueryClient()
  const remove = useMutation({
    mutationFn: (leadId: string) =>
      unwrap(
        api.POST('/api/ofair/admin/leads/{id}/remove', { params: { path: { id: leadId } }, body: { note } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['ofair'] }),
  })
  return (
    <Modal opened={id !== null} onClose={onClose} title={t('ofair.admin.removeTitle')}>
      <Stack>
        <Textarea
          label={t('ofair.admin.reason')}
          required
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        {remove.isError && <ErrorAlert error={remove.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('ofair.common.cancel')}
          </Button>
          <Button
            color="red"
            disabled={!note.trim()}
            loading={remove.isPending}
            onClick={() => id && remove.mutate(id, { onSuccess: onClose })}
          >
            {t('ofair.admin.remove')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

export function AccessLogModal({ leadId, onClose }: { leadId: string | null; onClose: () => void }) {
  const { t } = useTranslation()
  const logs = useQuery({
    queryKey: ['ofair', 'admin', 'access', leadId],
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/ofair/admin/contact-access-logs', {
          params: { query: { lead_id: leadId ?? '', limit: 50 } },
          signal,
        }),
      ),
    enabled: leadId !== null,
  })
  return (
    <Modal opened={leadId !== null} onClose={onClose} title={t('ofair.admin.accessLog')} size="lg">
      {logs.isPending ? (
        <LoadingState minHeight={60} />
      ) : logs.isError ? (
        <ErrorAlert error={logs.error} />
      ) : logs.data.data.length === 0 ? (
        <EmptyState title={t('ofair.admin.noAccess')} />
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('ofair.admin.who')}</Table.Th>
              <Table.Th>{t('ofair.admin.as')}</Table.Th>
              <Table.Th>{t('ofair.admin.what')}</Table.Th>
              <Table.Th>{t('ofair.admin.when')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {logs.data.data.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.accessor.display_name ?? '—'}</Table.Td>
                <Table.Td>{t(`ofair.admin.roles.${r.accessor_role}`)}</Table.Td>
                <Table.Td>{t(`ofair.admin.actions.${r.action}`)}</Table.Td>
                <Table.Td>
                  <RelativeTime value={r.occurred_at} size="sm" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Modal>
  )
}
