import { Alert, Anchor, Badge, Button, Card, Grid, Group, Stack, Table, Text, Title } from '@mantine/core'
import { IconArrowsExchange } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router'
import { isNotFound } from '../../api/client'
import { usePageTitle } from '../../app/use-page-title'
import { BackLink } from '../../components/back-link'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { NotFoundState } from '../../components/not-found-state'
import { RelativeTime } from '../../components/relative-time'
import { ChatPanel } from '../ofair-chat/chat-panel'
import { JobReviewCard } from '../ofair-reviews/job-review-card'
import { ProjectCard } from '../ofair-reviews/project-card'
import { JobSettlementCard } from '../ofair-wallet/job-settlement-card'
import { ClientDetailsCard } from './client-details-card'
import { MyProposalCard } from './my-proposal-card'
import { type Lead, useLead } from './ofair-api'
import { formatBudget, formatShekels } from './ofair-format'
import { OwnerActions } from './owner-actions'
import { ProposalsSection } from './proposals-section'
import { ProposeForm } from './propose-form'
import { ShareModal } from './share-modal'

const STATUS_COLOR = { active: 'teal', pending: 'orange', closed: 'gray' } as const

/** A lead: for its owner with proposals and the refer action; for a professional with a proposal form. */
export function LeadDetailPage() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const lead = useLead(id)
  usePageTitle(lead.data?.title ?? t('ofair.lead.pageTitle'))
  if (lead.isPending) return <LoadingState />
  if (lead.isError)
    return isNotFound(lead.error) ? (
      <NotFoundState />
    ) : (
      <ErrorAlert error={lead.error} onRetry={() => void lead.refetch()} />
    )
  return <LeadView lead={lead.data} />
}

function LeadView({ lead }: { lead: Lead }) {
  const { t } = useTranslation()
  const [sharing, setSharing] = useState(false)
  const [params] = useSearchParams()
  const justSent = params.get('sent') === '1' && lead.is_owner
  return (
    <Stack gap="md">
      <BackLink
        to={lead.is_owner ? '/ofair/my-leads' : '/ofair/leads'}
        label={lead.is_owner ? t('ofair.nav.myLeads') : t('ofair.nav.leads')}
      />
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1} fz={{ base: 24, sm: 28 }}>
            {lead.title}
          </Title>
          <Group gap="xs">
            <Badge color={STATUS_COLOR[lead.status]} data-testid="lead-status">
              {t(`ofair.lead.status.${lead.status}`)}
            </Badge>
            <Badge variant="light">{lead.subcategory?.name ?? lead.category.name}</Badge>
            <Text size="sm" c="dimmed">
              {lead.locality.name}
            </Text>
            <RelativeTime value={lead.published_at} size="sm" c="dimmed" />
          </Group>
        </Stack>
        {lead.can_share && (
          <Button leftSection={<IconArrowsExchange size={16} />} onClick={() => setSharing(true)}>
            {t('ofair.share.open')}
          </Button>
        )}
      </Group>
      {justSent && (
        <Alert color="teal" title={t('ofair.request.sentTitle')} data-testid="request-sent">
          {t('ofair.request.sent')}
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Card withBorder radius="md" padding="md">
              <Stack gap="xs">
                <Text>{lead.short_description}</Text>
                {lead.full_description && lead.full_description !== lead.short_description && (
                  <Text c="dimmed">{lead.full_description}</Text>
                )}
                {lead.client_notes && <Text c="dimmed">{lead.client_notes}</Text>}
                <Group gap="xl">
                  <Fact
                    label={t('ofair.lead.budget')}
                    value={formatBudget(lead.budget) || t('ofair.lead.noBudget')}
                  />
                  <Fact label={t('ofair.lead.schedule')} value={lead.preferred_schedule ?? '—'} />
                  {lead.referrer_share_percentage !== null && (
                    <Fact label={t('ofair.lead.share')} value={`${lead.referrer_share_percentage}%`} />
                  )}
                  <Fact
                    label={t('ofair.lead.commission')}
                    value={`${lead.platform_commission_percentage}%`}
                  />
                  {lead.final_amount && (
                    <Fact
                      label={t('ofair.lead.finalAmount')}
                      value={formatShekels(lead.final_amount.amount)}
                    />
                  )}
                </Group>
                {lead.owner_professional && (
                  <Text size="sm">
                    {t('ofair.lead.postedBy')}{' '}
                    <Anchor component={Link} to={`/ofair/pros/${lead.owner_professional.id}`}>
                      {lead.owner_professional.display_name}
                    </Anchor>
                  </Text>
                )}
                {lead.winner && (
                  <Text size="sm" fw={600}>
                    {t('ofair.lead.winner', { name: lead.winner.display_name })}
                  </Text>
                )}
              </Stack>
            </Card>
            <JobSettlementCard lead={lead} />
            {lead.accepted_proposal_id && (lead.is_owner || lead.my_proposal?.status === 'accepted') && (
              <JobReviewCard proposalId={lead.accepted_proposal_id} />
            )}
            <ProjectCard lead={lead} />
            {lead.is_owner && <ProposalsSection lead={lead} />}
            {lead.is_owner && <OwnerActions lead={lead} />}
            {lead.my_proposal && <MyProposalCard lead={lead} />}
            {lead.can_propose && !lead.my_proposal && <ProposeForm leadId={lead.id} />}
            {(lead.is_owner || lead.my_proposal) && <ChatPanel lead={lead} />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <ClientDetailsCard lead={lead} />
            {lead.chain.length > 0 && (
              <Card withBorder radius="md" padding="md">
                <Title order={2} fz="lg" mb="xs">
                  {t('ofair.chain.title')}
                </Title>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('ofair.chain.level')}</Table.Th>
                      <Table.Th>{t('ofair.chain.from')}</Table.Th>
                      <Table.Th>{t('ofair.chain.to')}</Table.Th>
                      <Table.Th>{t('ofair.chain.share')}</Table.Th>
                      <Table.Th>{t('ofair.chain.status')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {lead.chain.map((r) => (
                      <Table.Tr key={r.id}>
                        <Table.Td>{r.level}</Table.Td>
                        <Table.Td>{r.referrer.display_name}</Table.Td>
                        <Table.Td>{r.receiver.display_name}</Table.Td>
                        <Table.Td>{r.commission_percentage}%</Table.Td>
                        <Table.Td>{t(`ofair.referrals.status.${r.status}`)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Card>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      {lead.can_share && <ShareModal lead={lead} opened={sharing} onClose={() => setSharing(false)} />}
    </Stack>
  )
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </Stack>
  )
}
