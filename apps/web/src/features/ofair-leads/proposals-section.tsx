import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  Rating,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { EmptyState } from '../../components/empty-state'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { type Lead, type Proposal, useAcceptProposal, useProposals } from './ofair-api'
import { formatShekels } from './ofair-format'

const STATUS_COLOR = { pending: 'blue', accepted: 'green', rejected: 'gray', cancelled: 'gray' } as const

/** The owner's list of proposals, each with the proposer's public profile and an accept action. */
export function ProposalsSection({ lead }: { lead: Lead }) {
  const { t } = useTranslation()
  const proposals = useProposals(lead.id, true)
  const [accepting, setAccepting] = useState<Proposal | null>(null)
  const list = proposals.data?.data ?? []
  return (
    <Stack gap="sm">
      <Title order={2} fz="lg">
        {t('ofair.proposals.title')}
      </Title>
      {proposals.isPending ? (
        <LoadingState minHeight={80} />
      ) : proposals.isError ? (
        <ErrorAlert error={proposals.error} />
      ) : list.length === 0 ? (
        <EmptyState title={t('ofair.proposals.none')} />
      ) : (
        list.map((p) => (
          <Card key={p.id} withBorder radius="md" padding="sm" data-testid="proposal">
            <Stack gap={6}>
              <Group justify="space-between" wrap="nowrap">
                <Anchor component={Link} to={`/ofair/pros/${p.professional.id}`} fw={600}>
                  {p.professional.display_name}
                </Anchor>
                <Badge color={STATUS_COLOR[p.status]}>{t(`ofair.proposals.status.${p.status}`)}</Badge>
              </Group>
              <Group gap="xs">
                {p.professional.rating !== null && (
                  <Rating value={p.professional.rating} fractions={10} readOnly size="xs" />
                )}
                <Text size="xs" c="dimmed">
                  {t('ofair.pro.reviews', { count: p.professional.review_count })}
                </Text>
                {p.professional.verified && (
                  <Badge size="xs" color="teal" variant="light">
                    {t('ofair.pro.verified')}
                  </Badge>
                )}
              </Group>
              <Text size="sm">{p.description}</Text>
              {p.media.map((m) => (
                <Anchor key={m.id} href={m.url} target="_blank" size="sm">
                  {m.name}
                </Anchor>
              ))}
              <Group justify="space-between">
                <Text fw={700}>{formatShekels(p.price.amount)}</Text>
                {p.scheduled_date && (
                  <Text size="sm" c="dimmed">
                    {t('ofair.proposals.scheduled', {
                      date: new Date(p.scheduled_date).toLocaleDateString('he-IL'),
                    })}
                  </Text>
                )}
              </Group>
              {lead.status === 'active' && p.status === 'pending' && (
                <Group>
                  <Button size="xs" onClick={() => setAccepting(p)}>
                    {t('ofair.proposals.accept')}
                  </Button>
                </Group>
              )}
            </Stack>
          </Card>
        ))
      )}
      <AcceptModal proposal={accepting} onClose={() => setAccepting(null)} />
    </Stack>
  )
}

function AcceptModal({ proposal, onClose }: { proposal: Proposal | null; onClose: () => void }) {
  const { t } = useTranslation()
  const [consent, setConsent] = useState(false)
  const accept = useAcceptProposal()
  return (
    <Modal opened={proposal !== null} onClose={onClose} title={t('ofair.proposals.acceptTitle')}>
      {proposal && (
        <Stack>
          <Text>
            {t('ofair.proposals.acceptText', {
              name: proposal.professional.display_name,
              price: formatShekels(proposal.price.amount),
            })}
          </Text>
          <Checkbox
            checked={consent}
            onChange={(e) => setConsent(e.currentTarget.checked)}
            label={t('ofair.proposals.consent')}
          />
          {accept.isError && <ErrorAlert error={accept.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('ofair.common.cancel')}
            </Button>
            <Button
              disabled={!consent}
              loading={accept.isPending}
              onClick={() => accept.mutate(proposal.id, { onSuccess: onClose })}
            >
              {t('ofair.proposals.acceptConfirm')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  )
}
