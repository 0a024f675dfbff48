import '@mantine/charts/styles.css'
import { LineChart } from '@mantine/charts'
import { Alert, Badge, Group, Select, Stack, Table, Text, VisuallyHidden } from '@mantine/core'
import { IconShieldCheck, IconShieldX } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { usePageTitle } from '../../app/use-page-title'
import { LoadMore } from '../../components/load-more'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { QueryError } from '../../components/query-error'
import { SectionCard } from '../../components/section-card'
import { formatDate, formatDateTime } from '../../lib/format'
import { type DecisionPage, type DecisionQuery, useDecisions } from './matching-api'

const KINDS = ['suggestion', 'decision', 'override', 'model', 'flag'] as const

/** /admin/decisions: the decision audit log with filters and the AI-vs-human agreement rate over time. */
export function DecisionsPage() {
  const { t, i18n } = useTranslation()
  usePageTitle(t('matching.decisions.title'))
  const [kind, setKind] = useState<string | null>(null)
  const [agrees, setAgrees] = useState<string | null>(null)
  const query: DecisionQuery = {
    ...(kind ? { kind: kind as DecisionQuery['kind'] } : {}),
    ...(agrees ? { agrees: agrees as 'true' | 'false' } : {}),
  }
  const log = useDecisions(query)
  const first = log.data?.pages[0]
  const rows = log.data?.pages.flatMap((p) => p.data) ?? []
  return (
    <>
      <PageHeader title={t('matching.decisions.title')} description={t('matching.decisions.description')} />
      {log.isPending && <LoadingState />}
      {log.isError && <QueryError error={log.error} signInTitle={t('admin.signInRequired.title')} />}
      {first && (
        <Stack gap="xl">
          {first.chain.ok ? (
            <Alert color="teal" icon={<IconShieldCheck size={18} />}>
              {t('matching.decisions.chainOk', { rows: first.chain.rows })}
            </Alert>
          ) : (
            <Alert color="red" icon={<IconShieldX size={18} />}>
              {t('matching.decisions.chainBroken', { seq: first.chain.broken_seq })}
            </Alert>
          )}
          <SectionCard title={t('matching.decisions.agreement')}>
            <Text size="sm" c="dimmed" mb="md">
              {t('matching.decisions.agreementHelp')}
            </Text>
            <AgreementChart agreement={first.agreement} />
          </SectionCard>
          <SectionCard
            title={t('matching.decisions.title')}
            actions={
              <Group gap="sm">
                <Select
                  aria-label={t('matching.decisions.kind')}
                  placeholder={t('matching.decisions.allKinds')}
                  clearable
                  w={170}
                  value={kind}
                  onChange={setKind}
                  data={KINDS.map((k) => ({ value: k, label: t(`matching.decisions.kinds.${k}`) }))}
                />
                <Select
                  aria-label={t('matching.decisions.agrees')}
                  placeholder={t('matching.decisions.agrees')}
                  clearable
                  w={170}
                  value={agrees}
                  onChange={setAgrees}
                  data={[
                    { value: 'true', label: t('matching.decisions.yes') },
                    { value: 'false', label: t('matching.decisions.no') },
                  ]}
                />
              </Group>
            }
          >
            {rows.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('matching.decisions.empty')}
              </Text>
            ) : (
              <Stack>
                <Table.ScrollContainer minWidth={760}>
                  <Table verticalSpacing="xs" striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('matching.decisions.when')}</Table.Th>
                        <Table.Th>{t('matching.decisions.kind')}</Table.Th>
                        <Table.Th>{t('matching.decisions.score')}</Table.Th>
                        <Table.Th>{t('matching.decisions.decision')}</Table.Th>
                        <Table.Th>{t('matching.decisions.reasonCol')}</Table.Th>
                        <Table.Th>{t('matching.decisions.by')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {rows.map((d) => (
                        <Table.Tr key={d.id}>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>
                            {formatDateTime(d.occurred_at, i18n.language)}
                            <Text size="xs" c="dimmed">
                              #{d.seq}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Badge
                              variant="light"
                              color={
                                d.kind === 'suggestion' ? 'blue' : d.kind === 'override' ? 'orange' : 'grape'
                              }
                            >
                              {t(`matching.decisions.kinds.${d.kind}`)}
                            </Badge>
                          </Table.Td>
                          <Table.Td>
                            {d.score ?? '—'}
                            {d.confidence !== null && (
                              <Text size="xs" c="dimmed">
                                {t('matching.confidence', { value: d.confidence })}
                                {d.model_version !== null ? ` · v${d.model_version}` : ''}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>
                            {d.human_decision ?? d.ai_recommendation ?? '—'}
                            {d.agrees !== null && (
                              <Text size="xs" c={d.agrees ? 'teal' : 'red'}>
                                {d.agrees ? t('matching.decisions.agrees') : t('matching.decisions.no')}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td maw={280}>
                            <Text size="sm" lineClamp={2}>
                              {d.reason ?? ''}
                            </Text>
                          </Table.Td>
                          <Table.Td>{d.actor_role ?? t('matching.decisions.byModel')}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                <LoadMore
                  shown={t('matching.decisions.shown', { count: rows.length })}
                  hasMore={log.hasNextPage}
                  loading={log.isFetchingNextPage}
                  onLoadMore={() => log.fetchNextPage()}
                />
              </Stack>
            )}
          </SectionCard>
        </Stack>
      )}
    </>
  )
}

function AgreementChart({ agreement }: { agreement: DecisionPage['agreement'] }) {
  const { t, i18n } = useTranslation()
  if (agreement.length === 0)
    return (
      <Text size="sm" c="dimmed" py="xl" ta="center">
        {t('matching.decisions.noAgreement')}
      </Text>
    )
  const data = agreement.map((a) => ({
    day: formatDate(a.day, i18n.language),
    rate: a.rate === null ? null : Math.round(a.rate * 100),
    decisions: a.decisions,
  }))
  return (
    <figure style={{ margin: 0 }} aria-label={t('matching.decisions.agreement')}>
      <LineChart
        h={260}
        data={data}
        dataKey="day"
        series={[{ name: 'rate', label: t('matching.decisions.agreementRate'), color: 'teal.6' }]}
        valueFormatter={(v) => `${v}%`}
        yAxisProps={{ domain: [0, 100], width: 48 }}
        curveType="monotone"
        connectNulls
        gridAxis="y"
        tooltipAnimationDuration={150}
      />
      <VisuallyHidden>
        <table>
          <caption>{t('matching.decisions.agreement')}</caption>
          <thead>
            <tr>
              <th>{t('matching.decisions.when')}</th>
              <th>{t('matching.decisions.decisionsCount')}</th>
              <th>{t('matching.decisions.agreementRate')}</th>
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.day}>
                <td>{d.day}</td>
                <td>{d.decisions}</td>
                <td>{d.rate === null ? '—' : `${d.rate}%`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </VisuallyHidden>
    </figure>
  )
}
