import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { usePageTitle } from '../../app/use-page-title'
import { EmptyState } from '../../components/empty-state'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { RelativeTime } from '../../components/relative-time'
import { useMyProposals } from './ofair-api'
import { formatShekels } from './ofair-format'

const COLOR = { pending: 'blue', accepted: 'green', rejected: 'gray', cancelled: 'gray' } as const

/** The proposals I sent and where each stands. */
export function MyProposalsPage() {
  const { t } = useTranslation()
  usePageTitle(t('ofair.nav.offers'))
  const proposals = useMyProposals()
  return (
    <>
      <PageHeader title={t('ofair.myProposals.title')} description={t('ofair.myProposals.description')} />
      {proposals.isPending ? (
        <LoadingState />
      ) : proposals.isError ? (
        <ErrorAlert error={proposals.error} />
      ) : proposals.data.data.length === 0 ? (
        <EmptyState title={t('ofair.myProposals.empty')} />
      ) : (
        <Stack gap="sm">
          {proposals.data.data.map((p) => (
            <Card key={p.id} withBorder radius="md">
              <Group justify="space-between" wrap="nowrap">
                <Anchor component={Link} to={`/ofair/leads/${p.lead.id}`} fw={600}>
                  {p.lead.title}
                </Anchor>
                <Badge color={COLOR[p.status]}>{t(`ofair.proposals.status.${p.status}`)}</Badge>
              </Group>
              <Group justify="space-between">
                <Text size="sm" c="dimmed">
                  {p.lead.category.name} · {p.lead.locality.name}
                </Text>
                <Text fw={700}>{formatShekels(p.price.amount)}</Text>
              </Group>
              <RelativeTime value={p.created_at} size="xs" c="dimmed" />
            </Card>
          ))}
        </Stack>
      )}
    </>
  )
}
