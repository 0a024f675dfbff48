import { Select, SimpleGrid, Stack, Table, Tabs, TextInput } from '@mantine/core'
import { useInfiniteQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { api } from '../../api/client'
import { unwrap } from '../../api/use-api'
import { usePageTitle } from '../../app/use-page-title'
import { EmptyState } from '../../components/empty-state'
import { ErrorAlert } from '../../components/error-alert'
import { LoadMore } from '../../components/load-more'
import { LoadingState } from '../../components/loading-state'
import { LtrText } from '../../components/ltr-text'
import { PageHeader } from '../../components/page-header'

const dateTime = new Intl.DateTimeFormat('he-IL', {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: 'Asia/Jerusalem',
})
const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s)
const isUuid = (s: string) => /^[0-9a-f-]{36}$/i.test(s)

function useRange() {
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  return {
    from,
    to,
    setFrom,
    setTo,
    query: { ...(isDate(from) ? { from } : {}), ...(isDate(to) ? { to } : {}) },
  }
}

/** Who saw which lead's client details (owner, chosen professional, admin): when, from where. */
function ContactViews() {
  const { t } = useTranslation()
  const range = useRange()
  const [lead, setLead] = useState('')
  const [role, setRole] = useState<string | null>(null)
  const query = {
    ...range.query,
    ...(isUuid(lead.trim()) ? { lead_id: lead.trim() } : {}),
    ...(role ? { accessor_role: role as 'owner' | 'winner' | 'admin' } : {}),
  }
  const logs = useInfiniteQuery({
    queryKey: ['ofair', 'admin', 'contact-logs', query],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        api.GET('/api/ofair/admin/contact-access-logs', {
          params: { query: { limit: 50, ...query, ...(pageParam ? { starting_after: pageParam } : {}) } },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  })
  const rows = logs.data?.pages.flatMap((p) => p.data) ?? []
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <TextInput
          label={t('ofairAdmin.pii.lead')}
          value={lead}
          onChange={(e) => setLead(e.currentTarget.value)}
        />
        <Select
          label={t('ofairAdmin.pii.role')}
          clearable
          value={role}
          onChange={setRole}
          data={(['owner', 'winner', 'admin'] as const).map((r) => ({
            value: r,
            label: t(`ofair.admin.roles.${r}`),
          }))}
        />
        <TextInput
          type="date"
          label={t('ofairAdmin.pii.from')}
          value={range.from}
          onChange={(e) => range.setFrom(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('ofairAdmin.pii.to')}
          value={range.to}
          onChange={(e) => range.setTo(e.currentTarget.value)}
        />
      </SimpleGrid>
      {logs.isPending ? (
        <LoadingState />
      ) : logs.isError ? (
        <ErrorAlert error={logs.error} />
      ) : rows.length === 0 ? (
        <EmptyState title={t('ofairAdmin.pii.none')} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table striped data-testid="contact-log-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('ofairAdmin.pii.when')}</Table.Th>
                  <Table.Th>{t('ofairAdmin.pii.who')}</Table.Th>
                  <Table.Th>{t('ofairAdmin.pii.role')}</Table.Th>
                  <Table.Th>{t('ofairAdmin.pii.what')}</Table.Th>
                  <Table.Th>{t('ofairAdmin.pii.whose')}</Table.Th>
                  <Table.Th>{t('ofairAdmin.pii.where')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{dateTime.format(new Date(r.occurred_at))}</Table.Td>
                    <Table.Td>{r.accessor.display_name ?? '—'}</Table.Td>
                    <Table.Td>{t(`ofair.admin.roles.${r.accessor_role}`)}</Table.Td>
                    <Table.Td>{t(`ofair.admin.actions.${r.action}`)}</Table.Td>
                    <Table.Td>
                      <Link to={`/ofair/leads/${r.lead_id}`}>{r.lead_id.slice(-8)}</Link>
                    </Table.Td>
                    <Table.Td>
                      <LtrText size="xs">{r.ip ?? '—'}</LtrText>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <LoadMore
            shown={t('ofairAdmin.pii.count', { count: rows.length })}
            hasMore={logs.hasNextPage}
            loading={logs.isFetchingNextPage}
            onLoadMore={() => logs.fetchNextPage()}
          />
        </>
      )}
    </Stack>
  )
}

/** Admins' reads of personal data in the back office: contacts shown, searches by phone, log views. */
function AdminReads() {
  const { t } = useTranslation()
  const range = useRange()
  const [subject, setSubject] = useState('')
  const query = { ...range.query, ...(subject.trim() ? { subject_id: subject.trim() } : {}) }
  const reads = useInfiniteQuery({
    queryKey: ['ofair', 'admin', 'pii-reads', query],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        api.GET('/api/ofair/admin/pii-reads', {
          params: { query: { limit: 50, ...query, ...(pageParam ? { starting_after: pageParam } : {}) } },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  })
  const rows = reads.data?.pages.flatMap((p) => p.data) ?? []
  const field = (f: string) =>
    t(`ofairAdmin.pii.fields.${f}` as 'ofairAdmin.pii.fields.phone', { defaultValue: f })
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <TextInput
          label={t('ofairAdmin.pii.whose')}
          value={subject}
          onChange={(e) => setSubject(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('ofairAdmin.pii.from')}
          value={range.from}
          onChange={(e) => range.setFrom(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('ofairAdmin.pii.to')}
          value={range.to}
          onChange={(e) => range.setTo(e.currentTarget.value)}
        />
      </SimpleGrid>
      {reads.isPending ? (
        <LoadingState />
      ) : reads.isError ? (
        <ErrorAlert error={reads.error} />
      ) : rows.length === 0 ? (
        <EmptyState title={t('ofairAdmin.pii.none')} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={640}>
            <Table striped data-testid="pii-reads-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('ofairAdmin.pii.when')}</Table.Th>
                  <Table.Th>{t('ofairAdmin.pii.who')}</Table.Th>
                  <Table.Th>{t('ofairAdmin.pii.whose')}</Table.Th>
                  <Table.Th>{t('ofairAdmin.pii.what')}</Table.Th>
                  <Table.Th>{t('ofairAdmin.pii.why')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{dateTime.format(new Date(r.occurred_at))}</Table.Td>
                    <Table.Td>{r.actor.display_name ?? '—'}</Table.Td>
                    <Table.Td>
                      {t(
                        `ofairAdmin.pii.subjects.${r.subject_type}` as 'ofairAdmin.pii.subjects.ofair.user',
                        {
                          defaultValue: r.subject_type,
                        },
                      )}
                      {r.subject_name ? ` · ${r.subject_name}` : ''}
                    </Table.Td>
                    <Table.Td>{r.fields.map(field).join(', ')}</Table.Td>
                    <Table.Td>{r.purpose}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <LoadMore
            shown={t('ofairAdmin.pii.count', { count: rows.length })}
            hasMore={reads.hasNextPage}
            loading={reads.isFetchingNextPage}
            onLoadMore={() => reads.fetchNextPage()}
          />
        </>
      )}
    </Stack>
  )
}

/** /ofair/admin/pii-log: the two logs of personal-data reads. Reading them is itself logged. */
export function AdminPiiLogPage() {
  const { t } = useTranslation()
  usePageTitle(t('ofairAdmin.pii.title'))
  return (
    <>
      <PageHeader title={t('ofairAdmin.pii.title')} description={t('ofairAdmin.pii.description')} />
      <Tabs defaultValue="contact" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="contact">{t('ofairAdmin.pii.contactTab')}</Tabs.Tab>
          <Tabs.Tab value="admin">{t('ofairAdmin.pii.adminTab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="contact">
          <ContactViews />
        </Tabs.Panel>
        <Tabs.Panel value="admin">
          <AdminReads />
        </Tabs.Panel>
      </Tabs>
    </>
  )
}
