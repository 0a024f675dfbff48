import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useInfiniteQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { api } from '../../api/client'
import type { ResponseBody } from '../../api/types'
import { unwrap } from '../../api/use-api'
import { usePageTitle } from '../../app/use-page-title'
import { EmptyState } from '../../components/empty-state'
import { ErrorAlert } from '../../components/error-alert'
import { LoadMore } from '../../components/load-more'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { israelTodayIso } from '../../lib/format'
import { LocalitySelect } from '../ofair-leads/locality-select'
import { useCategories } from '../ofair-leads/ofair-api'
import { AccessLogModal, RemoveModal } from '../ofair-pros/admin-leads-page'

type Lead = ResponseBody<'/api/ofair/admin/leads', 'get'>['data'][number]
const STATUS_COLOR = { active: 'teal', pending: 'orange', closed: 'gray' } as const
const dateFormat = new Intl.DateTimeFormat('he-IL', { dateStyle: 'short', timeZone: 'Asia/Jerusalem' })

export interface LeadFilters {
  q?: string
  phone_digits?: string
  status?: 'active' | 'pending' | 'closed'
  type?: 'consumer' | 'professional_referral'
  category_id?: string
  locality_id?: number
  from?: string
  to?: string
}

/** The query string of the CSV export: the same filters as the table. */
function exportHref(f: LeadFilters) {
  const qs = new URLSearchParams()
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== '') qs.set(k, String(v))
  return `/api/ofair/admin/exports/leads.csv${qs.size ? `?${qs}` : ''}`
}

/** The rows on screen as an Excel workbook (right to left, Hebrew headings), built in the browser. */
async function downloadExcel(rows: Lead[], labels: Record<string, string>) {
  const { default: writeExcelFile } = await import('write-excel-file/browser')
  const head = (value: string) => ({ value, fontWeight: 'bold' as const })
  await writeExcelFile(
    [
      [
        labels.created,
        labels.title,
        labels.status,
        labels.category,
        labels.city,
        labels.owner,
        labels.proposals,
      ].map((l) => head(l ?? '')),
      ...rows.map((l) => [
        { value: dateFormat.format(new Date(l.created_at)) },
        { value: l.title },
        { value: labels[`status.${l.status}`] ?? l.status },
        { value: l.category.name },
        { value: l.locality.name },
        { value: l.owner_professional?.display_name ?? labels.consumer ?? '' },
        { type: Number, value: l.proposals_count },
      ]),
    ],
    {
      sheet: 'לידים',
      rightToLeft: true,
      stickyRowsCount: 1,
      columns: [{ width: 12 }, { width: 40 }, ...Array(5).fill({ width: 16 })],
    },
  ).toFile(`ofair-leads-${israelTodayIso()}.xlsx`)
}

/** /ofair/admin/leads: every lead, searched and filtered, paged, exported; remove one; who saw its client. */
export function AdminLeadsTablePage() {
  const { t } = useTranslation()
  usePageTitle(t('ofairAdmin.leads.title'))
  const categories = useCategories()
  const [q, setQ] = useState('')
  const [phone, setPhone] = useState('')
  const [status, setStatus] = useState<string | null>(null)
  const [type, setType] = useState<string | null>(null)
  const [category, setCategory] = useState<string | null>(null)
  const [locality, setLocality] = useState<number | null>(null)
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [removing, setRemoving] = useState<string | null>(null)
  const [logsOf, setLogsOf] = useState<string | null>(null)
  const [debounced] = useDebouncedValue({ q: q.trim(), phone: phone.trim() }, 300)
  const filters: LeadFilters = {
    ...(debounced.q ? { q: debounced.q } : {}),
    ...(/^\d{4,9}$/.test(debounced.phone) ? { phone_digits: debounced.phone } : {}),
    ...(status ? { status: status as LeadFilters['status'] } : {}),
    ...(type ? { type: type as LeadFilters['type'] } : {}),
    ...(category ? { category_id: category } : {}),
    ...(locality ? { locality_id: locality } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(from) ? { from } : {}),
    ...(/^\d{4}-\d{2}-\d{2}$/.test(to) ? { to } : {}),
  }
  const leads = useInfiniteQuery({
    queryKey: ['ofair', 'admin', 'leads-table', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        api.GET('/api/ofair/admin/leads', {
          params: { query: { limit: 50, ...filters, ...(pageParam ? { starting_after: pageParam } : {}) } },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  })
  const rows = leads.data?.pages.flatMap((p) => p.data) ?? []
  const labels: Record<string, string> = {
    created: t('ofairAdmin.leads.created'),
    title: t('ofairAdmin.leads.titleCol'),
    status: t('ofairAdmin.leads.status'),
    category: t('ofairAdmin.leads.category'),
    city: t('ofairAdmin.leads.city'),
    owner: t('ofairAdmin.leads.owner'),
    proposals: t('ofairAdmin.leads.proposals'),
    consumer: t('ofairAdmin.leads.consumer'),
    'status.active': t('ofair.lead.status.active'),
    'status.pending': t('ofair.lead.status.pending'),
    'status.closed': t('ofair.lead.status.closed'),
  }
  return (
    <>
      <PageHeader title={t('ofairAdmin.leads.title')} description={t('ofairAdmin.leads.description')} />
      <Stack gap="md">
        <SegmentedControl
          w="fit-content"
          value={status ?? 'all'}
          onChange={(v) => setStatus(v === 'all' ? null : v)}
          data={[
            { value: 'all', label: t('ofairAdmin.leads.any') },
            ...(['active', 'pending', 'closed'] as const).map((s) => ({
              value: s,
              label: t(`ofair.lead.status.${s}`),
            })),
          ]}
        />
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <TextInput
            label={t('ofairAdmin.leads.search')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            data-testid="lead-search"
          />
          <TextInput
            label={t('ofairAdmin.leads.phone')}
            description={t('ofairAdmin.leads.phoneHint')}
            inputMode="numeric"
            maxLength={9}
            value={phone}
            onChange={(e) => setPhone(e.currentTarget.value.replace(/\D/g, ''))}
          />
          <Select
            label={t('ofairAdmin.leads.type')}
            clearable
            value={type}
            onChange={setType}
            data={[
              { value: 'consumer', label: t('ofairAdmin.leads.consumer') },
              { value: 'professional_referral', label: t('ofairAdmin.leads.professional') },
            ]}
          />
          <Select
            label={t('ofairAdmin.leads.category')}
            clearable
            searchable
            value={category}
            onChange={setCategory}
            data={(categories.data?.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
          <LocalitySelect
            label={t('ofairAdmin.leads.city')}
            value={locality}
            onChange={(id) => setLocality(id)}
          />
          <TextInput
            type="date"
            label={t('ofairAdmin.leads.from')}
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('ofairAdmin.leads.to')}
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
          />
        </SimpleGrid>
        <Group gap="xs">
          <Button component="a" href={exportHref(filters)} download variant="default" size="xs">
            {t('ofairAdmin.leads.csv')}
          </Button>
          <Button
            variant="default"
            size="xs"
            disabled={rows.length === 0}
            onClick={() => downloadExcel(rows, labels)}
          >
            {t('ofairAdmin.leads.excel')}
          </Button>
        </Group>
        {leads.isPending ? (
          <LoadingState />
        ) : leads.isError ? (
          <ErrorAlert error={leads.error} />
        ) : rows.length === 0 ? (
          <EmptyState title={t('ofair.admin.noLeads')} />
        ) : (
          <>
            {rows.map((l) => (
              <Card key={l.id} withBorder radius="md" padding="sm" data-testid="admin-lead">
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Stack gap={2} style={{ minWidth: 0, flex: '1 1 240px' }}>
                    <Anchor component={Link} to={`/ofair/leads/${l.id}`} fw={600}>
                      {l.title}
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      {l.category.name} · {l.locality.name} ·{' '}
                      {l.owner_professional?.display_name ?? t('ofair.lead.typeConsumer')} ·{' '}
                      {t('ofairAdmin.leads.proposals')}: {l.proposals_count}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {dateFormat.format(new Date(l.created_at))}
                    </Text>
                  </Stack>
                  <Group gap={6}>
                    <Badge color={STATUS_COLOR[l.status]}>{t(`ofair.lead.status.${l.status}`)}</Badge>
                    <Button size="xs" variant="default" onClick={() => setLogsOf(l.id)}>
                      {t('ofair.admin.accessLog')}
                    </Button>
                    {l.status !== 'closed' && (
                      <Button size="xs" color="red" variant="light" onClick={() => setRemoving(l.id)}>
                        {t('ofair.admin.remove')}
                      </Button>
                    )}
                  </Group>
                </Group>
              </Card>
            ))}
            <LoadMore
              shown={t('ofairAdmin.leads.count', { count: rows.length })}
              hasMore={leads.hasNextPage}
              loading={leads.isFetchingNextPage}
              onLoadMore={() => leads.fetchNextPage()}
            />
          </>
        )}
      </Stack>
      <RemoveModal id={removing} onClose={() => setRemoving(null)} />
      <AccessLogModal leadId={logsOf} onClose={() => setLogsOf(null)} />
    </>
  )
}
