import { Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { usePageTitle } from '../../app/use-page-title'
import { BackLink } from '../../components/back-link'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { QueryError } from '../../components/query-error'
import { SectionCard } from '../../components/section-card'
import { formatDate } from '../../lib/format'
import { Amount } from '../billing/amount'
import { RecruiterName } from './bits'
import { usePlacementPayouts } from './payouts-api'

const LINES = [
  'collected',
  'held',
  'released',
  'scheduled',
  'in_flight',
  'paid',
  'taken_back',
  'debt',
  'debt_netted',
  'debt_recovered',
] as const

/** A placement's payout statement: per recruiter (a recruiter sees their own), each line of their money. */
export function PlacementPayoutsPage() {
  const { id = '' } = useParams()
  const { t, i18n } = useTranslation()
  usePageTitle(t('payouts.statement.title'))
  const statement = usePlacementPayouts(id)
  const s = statement.data
  return (
    <>
      <BackLink to="/splits/earnings" label={t('payouts.earnings.title')} />
      {statement.isPending && <LoadingState />}
      {statement.isError && (
        <QueryError
          error={statement.error}
          signInTitle={t('payouts.earnings.signIn')}
          backTo="/splits/earnings"
          backLabel={t('payouts.earnings.title')}
        />
      )}
      {s && (
        <Stack gap="xl">
          <div>
            <PageHeader title={t('payouts.statement.title')} />
            {/* under the title, not in its description (a paragraph cannot hold the badge's block) */}
            <Group gap="xs" mt={-16}>
              <Anchor component={Link} to={`/splits/placements/${s.placement_id}`}>
                {t('payouts.statement.placement')}
              </Anchor>
              <Badge color={s.status === 'fell_off' ? 'red' : 'teal'} variant="light">
                {t(`payouts.statement.status.${s.status}`)}
              </Badge>
              <Text span size="sm" c="dimmed">
                {t('payouts.statement.guarantee', { date: formatDate(s.guarantee_ends_on, i18n.language) })}
              </Text>
            </Group>
          </div>
          {s.recruiters.map((r) => (
            <SectionCard key={r.recruiter_id} title={<RecruiterName id={r.recruiter_id} fz="lg" fw={600} />}>
              <Table aria-label={t('payouts.statement.lines')} verticalSpacing="xs" maw={560}>
                <Table.Tbody>
                  {LINES.map((line) => (
                    <Table.Tr key={line}>
                      <Table.Td>
                        <Text size="sm">{t(`payouts.statement.line.${line}`)}</Text>
                      </Table.Td>
                      <Table.Td ta="end">
                        <Amount value={r[line]} fw={line === 'collected' || line === 'paid' ? 700 : 500} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {r.held_releases.length > 0 && (
                <Stack gap={4} mt="md">
                  <Text size="sm" fw={600}>
                    {t('payouts.earnings.releases.title')}
                  </Text>
                  {r.held_releases.map((h) => (
                    <Text key={h.escrow_hold_id} size="sm">
                      {formatDate(h.release_date, i18n.language)} — <Amount span value={h.amount} fw={600} />
                    </Text>
                  ))}
                </Stack>
              )}
            </SectionCard>
          ))}
        </Stack>
      )}
    </>
  )
}
