import {
  Button,
  Card,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { lazy, Suspense, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { unwrap } from '../../api/use-api'
import { usePageTitle } from '../../app/use-page-title'
import { EmptyState } from '../../components/empty-state'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { israelTodayIso } from '../../lib/format'

const AnalyticsCharts = lazy(() => import('./analytics-charts'))
const percent = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`)
const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s)

/** The last six months up to today, in Israeli days (the report counts them). */
function defaultRange() {
  const to = israelTodayIso()
  const [y, m] = to.split('-').map(Number) as [number, number]
  const from = new Date(Date.UTC(y, m - 1 - 5, 1)).toISOString().slice(0, 10)
  return { from, to }
}

/** /ofair/admin/analytics: leads, proposals and conversion per week or month, by category or city. */
export function AdminAnalyticsPage() {
  const { t } = useTranslation()
  usePageTitle(t('ofairAdmin.analytics.title'))
  const [range, setRange] = useState(defaultRange)
  const [granularity, setGranularity] = useState<'week' | 'month'>('month')
  const [groupBy, setGroupBy] = useState<'category' | 'city'>('category')
  const query = { from: range.from, to: range.to, granularity, group_by: groupBy }
  const valid = isDate(range.from) && isDate(range.to) && range.from <= range.to
  const data = useQuery({
    queryKey: ['ofair', 'admin', 'analytics', query],
    queryFn: ({ signal }) => unwrap(api.GET('/api/ofair/admin/analytics', { params: { query }, signal })),
    enabled: valid,
  })
  const csv = `/api/ofair/admin/exports/analytics.csv?${new URLSearchParams(query)}`
  return (
    <>
      <PageHeader
        title={t('ofairAdmin.analytics.title')}
        description={t('ofairAdmin.analytics.description')}
      />
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <TextInput
            type="date"
            label={t('ofairAdmin.analytics.from')}
            value={range.from}
            onChange={(e) => setRange({ ...range, from: e.currentTarget.value })}
          />
          <TextInput
            type="date"
            label={t('ofairAdmin.analytics.to')}
            value={range.to}
            onChange={(e) => setRange({ ...range, to: e.currentTarget.value })}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('ofairAdmin.analytics.granularity')}
            </Text>
            <SegmentedControl
              value={granularity}
              onChange={(v) => setGranularity(v as 'week' | 'month')}
              data={[
                { value: 'week', label: t('ofairAdmin.analytics.week') },
                { value: 'month', label: t('ofairAdmin.analytics.month') },
              ]}
            />
          </Stack>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('ofairAdmin.analytics.groupBy')}
            </Text>
            <SegmentedControl
              value={groupBy}
              onChange={(v) => setGroupBy(v as 'category' | 'city')}
              data={[
                { value: 'category', label: t('ofairAdmin.analytics.category') },
                { value: 'city', label: t('ofairAdmin.analytics.city') },
              ]}
            />
          </Stack>
        </SimpleGrid>
        <Group>
          <Button component="a" href={csv} download variant="default" size="xs" disabled={!valid}>
            {t('ofairAdmin.analytics.csv')}
          </Button>
        </Group>
        {!valid ? null : data.isPending ? (
          <LoadingState />
        ) : data.isError ? (
          <ErrorAlert error={data.error} />
        ) : data.data.total.leads === 0 ? (
          <EmptyState title={t('ofairAdmin.analytics.empty')} />
        ) : (
          <>
            <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
              {(
                [
                  ['totalLeads', String(data.data.total.leads)],
                  ['totalProposals', String(data.data.total.proposals)],
                  ['conversionRate', percent(data.data.total.conversion_rate)],
                ] as const
              ).map(([k, v]) => (
                <Card key={k} withBorder radius="md" padding="sm">
                  <Text size="xs" c="dimmed">
                    {t(`ofairAdmin.analytics.${k}`)}
                  </Text>
                  <Text fw={700} size="xl">
                    {v}
                  </Text>
                </Card>
              ))}
            </SimpleGrid>
            <Card withBorder radius="md" padding="md">
              <Title order={3} size="h5" mb="sm">
                {t('ofairAdmin.analytics.perPeriod')}
              </Title>
              <Suspense fallback={<LoadingState minHeight={240} />}>
                <AnalyticsCharts periods={data.data.periods} groups={data.data.groups} />
              </Suspense>
            </Card>
            <Card withBorder radius="md" padding="md">
              <Title order={3} size="h5" mb="sm">
                {t('ofairAdmin.analytics.perGroup', { group: t(`ofairAdmin.analytics.${groupBy}`) })}
              </Title>
              <Table.ScrollContainer minWidth={520}>
                <Table striped data-testid="analytics-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('ofairAdmin.analytics.name')}</Table.Th>
                      <Table.Th>{t('ofairAdmin.analytics.leads')}</Table.Th>
                      <Table.Th>{t('ofairAdmin.analytics.proposals')}</Table.Th>
                      <Table.Th>{t('ofairAdmin.analytics.accepted')}</Table.Th>
                      <Table.Th>{t('ofairAdmin.analytics.completed')}</Table.Th>
                      <Table.Th>{t('ofairAdmin.analytics.conversion')}</Table.Th>
                      <Table.Th>{t('ofairAdmin.analytics.acceptance')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.data.groups.map((g) => (
                      <Table.Tr key={g.key}>
                        <Table.Td>{g.name}</Table.Td>
                        <Table.Td>{g.leads}</Table.Td>
                        <Table.Td>{g.proposals}</Table.Td>
                        <Table.Td>{g.accepted}</Table.Td>
                        <Table.Td>{g.completed}</Table.Td>
                        <Table.Td>{percent(g.conversion_rate)}</Table.Td>
                        <Table.Td>{percent(g.acceptance_rate)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Card>
          </>
        )}
      </Stack>
    </>
  )
}
