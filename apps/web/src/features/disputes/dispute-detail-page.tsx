import { Anchor, Blockquote, Group, SimpleGrid, Stack, Text, useDirection } from '@mantine/core'
import { IconArrowLeft, IconArrowRight } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { isNotFound } from '../../api/client'
import { usePageTitle } from '../../app/use-page-title'
import { Fact } from '../../components/fact'
import { LoadingState } from '../../components/loading-state'
import { NotFoundState } from '../../components/not-found-state'
import { PageHeader } from '../../components/page-header'
import { QueryError } from '../../components/query-error'
import { SectionCard } from '../../components/section-card'
import { formatDate, formatDateTime } from '../../lib/format'
import { useVocab } from '../reference/use-vocab'
import { VocabBadge } from '../reference/vocab-badge'
import { useDispute } from './disputes-api'
import { ResolveForm } from './resolve-form'

/** One ownership record: who holds the right, who claims it, the evidence, and the decision. */
export function DisputeDetailPage() {
  const { t, i18n } = useTranslation()
  const { dir } = useDirection()
  const { list } = useVocab()
  const id = useParams().id ?? ''
  const dispute = useDispute(id)
  const d = dispute.data
  usePageTitle(t('admin.disputes.detailTitle'))
  const BackIcon = dir === 'rtl' ? IconArrowRight : IconArrowLeft
  const lang = i18n.language

  if (isNotFound(dispute.error)) return <NotFoundState error={dispute.error} />
  return (
    <>
      <Anchor component={Link} to="/admin/disputes" size="sm" mb="sm" display="inline-block">
        <Group gap={4} component="span">
          <BackIcon size={14} />
          {t('admin.disputes.back')}
        </Group>
      </Anchor>
      <PageHeader
        title={
          <Group gap="sm" component="span">
            {t('admin.disputes.detailTitle')}
            {d && <VocabBadge kind="disputeStatuses" code={d.status} size="lg" />}
          </Group>
        }
        description={d && (d.role ? `${d.company.name} · ${d.role.title}` : d.company.name)}
      />
      {dispute.isPending && <LoadingState />}
      {dispute.isError && (
        <QueryError
          error={dispute.error}
          signInTitle={t('admin.disputes.signInRequired')}
          onRetry={() => dispute.refetch()}
        />
      )}
      {d && (
        <Stack gap="xl">
          <SectionCard title={t('admin.disputes.parties')}>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="lg">
              <Fact label={t('admin.disputes.holder')}>{d.holder.name}</Fact>
              <Fact label={t('admin.disputes.claimant')}>{d.claimant.name}</Fact>
              <Fact label={t('admin.disputes.matchedOn')}>{list('matchedOn', d.matched_on)}</Fact>
              <Fact label={t('admin.disputes.blockedAt')}>{formatDateTime(d.created_at, lang)}</Fact>
            </SimpleGrid>
          </SectionCard>
          <SectionCard title={t('admin.disputes.representation')}>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="lg">
              <Fact label={t('admin.disputes.since')}>{formatDate(d.representation.since, lang)}</Fact>
              <Fact label={t('admin.disputes.until')}>{formatDate(d.representation.until, lang)}</Fact>
              <Fact label={t('admin.disputes.repStatus')}>
                <VocabBadge kind="representationStatuses" code={d.representation.status} variant="outline" />
              </Fact>
              <Fact label={t('admin.disputes.ownership')}>
                <VocabBadge kind="ownership" code={d.representation.ownership} />
              </Fact>
            </SimpleGrid>
          </SectionCard>
          <SectionCard title={t('admin.disputes.reasons')}>
            <Stack>
              <Fact label={t('admin.disputes.claimantReason', { name: d.claimant.name })}>
                {d.claimant_reason ? (
                  <Blockquote p="sm" mt={4} color="orange">
                    <Text size="sm">{d.claimant_reason}</Text>
                    {d.disputed_at && (
                      <Text size="xs" c="dimmed" mt={4}>
                        {formatDateTime(d.disputed_at, lang)}
                      </Text>
                    )}
                  </Blockquote>
                ) : (
                  t('admin.disputes.notDisputed')
                )}
              </Fact>
              {d.resolution_reason && (
                <Fact label={t('admin.disputes.resolution')}>
                  <Blockquote p="sm" mt={4} color="teal">
                    <Text size="sm">{d.resolution_reason}</Text>
                    {d.resolved_at && (
                      <Text size="xs" c="dimmed" mt={4}>
                        {formatDateTime(d.resolved_at, lang)}
                      </Text>
                    )}
                  </Blockquote>
                </Fact>
              )}
            </Stack>
          </SectionCard>
          {(d.status === 'recorded' || d.status === 'disputed') && (
            <SectionCard title={t('admin.disputes.resolve.title')}>
              <ResolveForm dispute={d} />
            </SectionCard>
          )}
        </Stack>
      )}
    </>
  )
}
