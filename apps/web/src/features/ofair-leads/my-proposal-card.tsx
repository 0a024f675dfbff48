import { Anchor, Badge, Button, Card, Group, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type Lead, useCancelProposal, useProposals } from './ofair-api'
import { formatShekels } from './ofair-format'
import { ProposeForm } from './propose-form'

/** The professional's own proposal on a lead: what they offered, where it stands; edit or cancel while pending. */
export function MyProposalCard({ lead }: { lead: Lead }) {
  const { t } = useTranslation()
  const proposals = useProposals(lead.id, true)
  const cancel = useCancelProposal()
  const [editing, setEditing] = useState(false)
  const mine = proposals.data?.data.find((p) => p.is_mine && p.id === lead.my_proposal?.id)
  if (editing && mine)
    return <ProposeForm leadId={lead.id} existing={mine} onDone={() => setEditing(false)} />
  const status = (mine?.status ?? lead.my_proposal?.status ?? 'pending') as 'pending'
  return (
    <Card withBorder radius="md" padding="md" data-testid="my-proposal">
      <Stack gap={6}>
        <Group justify="space-between">
          <Text>
            {t('ofair.propose.mine')} <Badge>{t(`ofair.proposals.status.${status}`)}</Badge>
          </Text>
          {mine && <Text fw={700}>{formatShekels(mine.price.amount)}</Text>}
        </Group>
        {mine && <Text size="sm">{mine.description}</Text>}
        {mine?.media.map((m) => (
          <Anchor key={m.id} href={m.url} target="_blank" size="sm">
            {m.name}
          </Anchor>
        ))}
        {status === 'pending' && lead.my_proposal && (
          <Group justify="flex-end" gap="xs">
            {mine && (
              <Button size="xs" variant="light" onClick={() => setEditing(true)}>
                {t('ofair.propose.edit')}
              </Button>
            )}
            <Button
              size="xs"
              variant="default"
              loading={cancel.isPending}
              onClick={() => lead.my_proposal && cancel.mutate(lead.my_proposal.id)}
            >
              {t('ofair.propose.cancel')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  )
}
