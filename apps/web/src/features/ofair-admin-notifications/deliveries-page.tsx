import { Badge, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core'
import { useInfiniteQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
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

const STATUSES = ['failed', 'retrying', 'queued', 'sent', 'skipped'] as const
const CHANNELS = ['email', 'sms', 'whatsapp', 'push'] as const
type Status = (typeof STATUSES)[number]
type Channel = (typeof CHANNELS)[number]
const COLOR: Record<Status, string> = {
  failed: 'red',
  retrying: 'orange',
  queued: 'gray',
  sent: 'teal',
  skipped: 'gray',
}

/**
 * /ofair/admin/notifications: OFAIR's outgoing messages (email, SMS, WhatsApp, push) from the delivery
 * log, failed ones first by default, with the provider's last error and the attempts made, so an
 * admin sees what did not reach people (and why) without reading server logs.
 */
export function AdminDeliveriesPage() {
  const { t } = useTranslation()
  usePageTitle(t('ofairAdmin.deliveries.title'))
  const [status, setStatus] = useState<Status | null>('failed')
  const [channel, setChannel] = useState<Channel | null>(null)
  const query = {
    kind_prefix: 'ofair_',
    ...(status ? { status } : {}),
    ...(channel ? { channel } : {}),
  }
  const list = useInfiniteQuery({
    queryKey: ['ofair', 'admin', 'deliveries', query],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        api.GET('/api/admin/notifications/deliveries', {
          params: { query: { limit: 50, ...query, ...(pageParam ? { starting_after: pageParam } : {}) } },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  })
  const rows = list.data?.pages.flatMap((p) => p.data) ?? []
  return (
    <>
      <PageHeader
        title={t('ofairAdmin.deliveries.title')}
        description={t('ofairAdmin.deliveries.description')}
      />
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <Select
            label={t('ofairAdmin.deliveries.status')}
            clearable
            placeholder={t('ofairAdmin.deliveries.all')}
            value={status}
            onChange={(v) => setStatus(v as Status | null)}
            data={STATUSES.map((s) => ({ value: s, label: t(`ofairAdmin.deliveries.statuses.${s}`) }))}
          />
          <Select
            label={t('ofairAdmin.deliveries.channel')}
            clearable
            placeholder={t('ofairAdmin.deliveries.all')}
            value={channel}
            onChange={(v) => setChannel(v as Channel | null)}
            data={CHANNELS.map((c) => ({ value: c, label: t(`ofairAdmin.deliveries.channels.${c}`) }))}
          />
        </SimpleGrid>
        {list.isPending ? (
          <LoadingState />
        ) : list.isError ? (
          <ErrorAlert error={list.error} />
        ) : rows.length === 0 ? (
          <EmptyState title={t('ofairAdmin.deliveries.none')} />
        ) : (
          <>
            <Table.ScrollContainer minWidth={760}>
              <Table striped data-testid="deliveries-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('ofairAdmin.deliveries.when')}</Table.Th>
                    <Table.Th>{t('ofairAdmin.deliveries.to')}</Table.Th>
                    <Table.Th>{t('ofairAdmin.deliveries.channel')}</Table.Th>
                    <Table.Th>{t('ofairAdmin.deliveries.message')}</Table.Th>
                    <Table.Th>{t('ofairAdmin.deliveries.status')}</Table.Th>
                    <Table.Th ta="end">{t('ofairAdmin.deliveries.attempts')}</Table.Th>
                    <Table.Th>{t('ofairAdmin.deliveries.error')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((d) => (
                    <Table.Tr key={d.id}>
                      <Table.Td>{dateTime.format(new Date(d.updated_at))}</Table.Td>
                      <Table.Td>{d.user_name ?? '—'}</Table.Td>
                      <Table.Td>{t(`ofairAdmin.deliveries.channels.${d.channel as Channel}`)}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{d.title}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Badge color={COLOR[d.status as Status] ?? 'gray'} variant="light">
                          {t(`ofairAdmin.deliveries.statuses.${d.status as Status}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td ta="end">{d.attempts}</Table.Td>
                      <Table.Td>{d.last_error ? <LtrText size="xs">{d.last_error}</LtrText> : '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <LoadMore
              shown={t('ofairAdmin.deliveries.count', { count: rows.length })}
              hasMore={list.hasNextPage}
              loading={list.isFetchingNextPage}
              onLoadMore={() => list.fetchNextPage()}
            />
          </>
        )}
      </Stack>
    </>
  )
}
