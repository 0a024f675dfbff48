import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core'
import { IconMapPin, IconPinned } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { RelativeTime } from '../../components/relative-time'
import type { LeadCard as TLeadCard } from './ofair-api'
import { formatBudget, formatKm } from './ofair-format'

/** One lead on the board: title, short description, budget, distance, time posted and proposals. */
export function LeadCard({ lead }: { lead: TLeadCard }) {
  const { t } = useTranslation()
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component={Link}
      to={`/ofair/leads/${lead.id}`}
      data-testid="lead-card"
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={3} fz="md" lineClamp={2}>
            {lead.title}
          </Title>
          {lead.pinned && (
            <Badge color="yellow" variant="light" leftSection={<IconPinned size={12} />}>
              {t('ofair.board.pinned')}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed" lineClamp={2}>
          {lead.short_description}
        </Text>
        <Group gap="xs">
          <Badge variant="light">{lead.subcategory?.name ?? lead.category.name}</Badge>
          <Badge variant="outline" color={lead.type === 'consumer' ? 'blue' : 'grape'}>
            {lead.type === 'consumer' ? t('ofair.lead.typeConsumer') : t('ofair.lead.typePro')}
          </Badge>
          {lead.referrer_share_percentage !== null && lead.type === 'professional_referral' && (
            <Badge variant="outline" color="gray">
              {t('ofair.lead.shareBadge', { percent: lead.referrer_share_percentage })}
            </Badge>
          )}
        </Group>
        <Group justify="space-between" gap="xs">
          <Text fw={600}>{formatBudget(lead.budget) || t('ofair.lead.noBudget')}</Text>
          <Group gap={4}>
            <IconMapPin size={14} />
            <Text size="sm">
              {lead.locality.name}
              {lead.distance_km !== null && ` · ${formatKm(lead.distance_km)}`}
            </Text>
          </Group>
        </Group>
        <Group justify="space-between" gap="xs">
          <RelativeTime value={lead.published_at} size="xs" c="dimmed" />
          <Text size="xs" c="dimmed">
            {t('ofair.lead.proposalsCount', { count: lead.proposals_count })}
          </Text>
        </Group>
      </Stack>
    </Card>
  )
}
