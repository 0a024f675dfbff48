import { Badge, Button, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { usePageTitle } from '../../app/use-page-title'
import { EmptyState } from '../../components/empty-state'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { RelativeTime } from '../../components/relative-time'
import { useMyLeads } from './ofair-api'
import { formatBudget } from './ofair-format'

const STATUS_COLOR = { active: 'teal', pending: 'orange', closed: 'gray' } as const

/** The leads and requests I published, with their proposals count and state. */
export function MyLeadsPage() {
  const { t } = useTranslation()
  usePageTitle(t('ofair.nav.myLeads'))
  const leads = useMyLeads()
  return (
    <>
      <PageHeader
        title={t('ofair.myLeads.title')}
        description={t('ofair.myLeads.description')}
        actions={
          <Group gap="xs">
            <Button component={Link} to="/ofair/request" variant="default">
              {t('ofair.request.title')}
            </Button>
            <Button component={Link} to="/ofair/leads/new" leftSection={<IconPlus size={16} />}>
              {t('ofair.board.newLead')}
            </Button>
          </Group>
        }
      />
      {leads.isPending ? (
        <LoadingState />
      ) : leads.isError ? (
        <ErrorAlert error={leads.error} />
      ) : leads.data.data.length === 0 ? (
        <EmptyState title={t('ofair.myLeads.empty')} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {leads.data.data.map((l) => (
            <Card
              key={l.id}
              withBorder
              radius="md"
              component={Link}
              to={`/ofair/leads/${l.id}`}
              data-testid="my-lead"
            >
              <Stack gap={6}>
                <Group justify="space-between" wrap="nowrap">
                  <Text fw={600} lineClamp={1}>
                    {l.title}
                  </Text>
                  <Badge color={STATUS_COLOR[l.status]}>{t(`ofair.lead.status.${l.status}`)}</Badge>
                </Group>
                <Text size="sm" c="dimmed">
                  {l.category.name} · {l.locality.name} · {formatBudget(l.budget)}
                </Text>
                <Group justify="space-between">
                  <RelativeTime value={l.published_at} size="xs" c="dimmed" />
                  <Text size="xs">{t('ofair.lead.proposalsCount', { count: l.proposals_count })}</Text>
                </Group>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </>
  )
}
