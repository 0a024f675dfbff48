import { Badge, Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconRefresh } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { usePageTitle } from '../../app/use-page-title'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { QueryError } from '../../components/query-error'
import { SectionCard } from '../../components/section-card'
import { formatDate } from '../../lib/format'
import { type MatchQuery, useFairness, useModels, useRefit } from './matching-api'
import { SuggestedMatches } from './suggested-matches'

const STATUSES = ['suggested', 'accepted', 'rejected', 'all'] as const

/** /admin/ai-matches: every suggestion with its factors, the model versions and the fairness check. */
export function AiMatchesPage() {
  const { t } = useTranslation()
  usePageTitle(t('matching.admin.title'))
  const [status, setStatus] = useState<NonNullable<MatchQuery['status']>>('suggested')
  return (
    <>
      <PageHeader title={t('matching.admin.title')} description={t('matching.admin.description')} />
      <Stack gap="xl">
        <ModelsSection />
        <FairnessSection />
        <Group>
          <SegmentedControl
            aria-label={t('matching.admin.status')}
            value={status}
            onChange={(v) => setStatus(v as typeof status)}
            data={STATUSES.map((s) => ({
              value: s,
              label: s === 'all' ? t('matching.admin.all') : t(`matching.status.${s}`),
            }))}
          />
        </Group>
        <SuggestedMatches
          key={status}
          title={t(`matching.status.${status === 'all' ? 'suggested' : status}`)}
          query={{ status }}
          show="both"
          canSubmit={false}
          emptyText={t('matching.suggestedCandidatesEmpty')}
        />
      </Stack>
    </>
  )
}

function ModelsSection() {
  const { t, i18n } = useTranslation()
  const models = useModels()
  const refit = useRefit()
  return (
    <SectionCard
      title={t('matching.admin.models')}
      actions={
        <Button
          variant="default"
          leftSection={<IconRefresh size={16} />}
          loading={refit.isPending}
          onClick={() =>
            refit.mutate(undefined, {
              onSuccess: (v) =>
                notifications.show({
                  color: v.status === 'active' ? 'teal' : 'gray',
                  message: t('matching.admin.refitDone', {
                    version: v.version,
                    status: t(`matching.admin.modelStatus.${v.status}`),
                  }),
                }),
            })
          }
        >
          {t('matching.admin.refit')}
        </Button>
      }
    >
      <Text size="sm" c="dimmed" mb="md">
        {t('matching.admin.modelsHelp')}
      </Text>
      {refit.isError && <ErrorAlert error={refit.error} />}
      {models.isPending && <LoadingState />}
      {models.isError && <QueryError error={models.error} signInTitle={t('admin.signInRequired.title')} />}
      {models.isSuccess && (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('matching.admin.version')}</Table.Th>
                <Table.Th>{t('matching.admin.state')}</Table.Th>
                <Table.Th>{t('matching.admin.weights')}</Table.Th>
                <Table.Th>{t('matching.admin.auc')}</Table.Th>
                <Table.Th>{t('matching.admin.trainedOn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {models.data.data.map((m) => (
                <Table.Tr key={m.version}>
                  <Table.Td>
                    v{m.version}
                    <Text size="xs" c="dimmed">
                      {formatDate(m.created_at, i18n.language)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      color={m.status === 'active' ? 'teal' : m.status === 'rejected' ? 'gray' : 'blue'}
                      variant="light"
                    >
                      {t(`matching.admin.modelStatus.${m.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {Object.entries(m.weights)
                        .sort((a, b) => b[1] - a[1])
                        .map(([f, w]) => `${t(`matching.factor.${f}`, { defaultValue: f })} ${w}`)
                        .join(' · ')}
                    </Text>
                    {m.notes && (
                      <Text size="xs" c="dimmed">
                        {m.notes}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{typeof m.metrics.auc === 'number' ? m.metrics.auc.toFixed(3) : '—'}</Table.Td>
                  <Table.Td>{m.trained_on || '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </SectionCard>
  )
}

function FairnessSection() {
  const { t } = useTranslation()
  const fairness = useFairness()
  const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`)
  return (
    <SectionCard title={t('matching.admin.fairness')}>
      <Text size="sm" c="dimmed" mb="md">
        {t('matching.admin.fairnessHelp')}
      </Text>
      {fairness.isPending && <LoadingState />}
      {fairness.isError && (
        <QueryError error={fairness.error} signInTitle={t('admin.signInRequired.title')} />
      )}
      {fairness.isSuccess && fairness.data.data.length === 0 && (
        <Text size="sm">{t('matching.admin.noFairness')}</Text>
      )}
      {fairness.isSuccess &&
        fairness.data.data.map((s) => (
          <Stack key={`${s.model_version}:${s.dimension}`} gap="xs" mb="lg">
            <Text fw={600} size="sm">
              v{s.model_version} · {t(`matching.admin.dimension.${s.dimension}`)}
            </Text>
            <Table.ScrollContainer minWidth={520}>
              <Table verticalSpacing={4}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('matching.admin.group')}</Table.Th>
                    <Table.Th>{t('matching.admin.decided')}</Table.Th>
                    <Table.Th>{t('matching.admin.acceptedCol')}</Table.Th>
                    <Table.Th>{t('matching.admin.rate')}</Table.Th>
                    <Table.Th>{t('matching.admin.ratio')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {s.groups.map((g) => (
                    <Table.Tr key={g.group}>
                      <Table.Td>
                        {s.dimension === 'seniority'
                          ? t(`matching.seniority.${g.group}`, { defaultValue: g.group })
                          : g.group}
                      </Table.Td>
                      <Table.Td>{g.decided}</Table.Td>
                      <Table.Td>{g.accepted}</Table.Td>
                      <Table.Td>{pct(g.rate)}</Table.Td>
                      <Table.Td>{g.ratio_to_best === null ? '—' : g.ratio_to_best.toFixed(2)}</Table.Td>
                      <Table.Td>
                        {g.flagged ? (
                          <Badge color="red" variant="light">
                            {t('matching.admin.flagged')}
                          </Badge>
                        ) : (
                          <Text size="xs" c="dimmed">
                            {t('matching.admin.ok')}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        ))}
    </SectionCard>
  )
}
