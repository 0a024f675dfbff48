import { Anchor, Badge, Button, Card, Group, SegmentedControl, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { usePageTitle } from '../../app/use-page-title'
import { EmptyState } from '../../components/empty-state'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { RelativeTime } from '../../components/relative-time'
import { useAnswerReferral, useReferrals } from '../ofair-leads/ofair-api'

const COLOR = { pending: 'blue', accepted: 'green', rejected: 'gray', completed: 'teal' } as const

/** Leads offered to me (accept or decline) and the ones I referred onward. */
export function ReferralsPage() {
  const { t } = useTranslation()
  usePageTitle(t('ofair.nav.referrals'))
  const [direction, setDirection] = useState<'received' | 'sent'>('received')
  const referrals = useReferrals(direction)
  const answer = useAnswerReferral()
  return (
    <>
      <PageHeader title={t('ofair.referrals.title')} description={t('ofair.referrals.description')} />
      <Stack gap="md">
        <SegmentedControl
          value={direction}
          onChange={(v) => setDirection(v as 'received' | 'sent')}
          data={[
            { value: 'received', label: t('ofair.referrals.received') },
            { value: 'sent', label: t('ofair.referrals.sent') },
          ]}
        />
        {answer.isError && <ErrorAlert error={answer.error} />}
        {referrals.isPending ? (
          <LoadingState />
        ) : referrals.isError ? (
          <ErrorAlert error={referrals.error} />
        ) : referrals.data.data.length === 0 ? (
          <EmptyState title={t('ofair.referrals.empty')} />
        ) : (
          referrals.data.data.map((r) => (
            <Card key={r.id} withBorder radius="md" data-testid="referral">
              <Stack gap={6}>
                <Group justify="space-between" wrap="nowrap">
                  <Anchor component={Link} to={`/ofair/leads/${r.lead.id}`} fw={600}>
                    {r.lead.title}
                  </Anchor>
                  <Badge color={COLOR[r.status]}>{t(`ofair.referrals.status.${r.status}`)}</Badge>
                </Group>
                <Text size="sm" c="dimmed">
                  {r.lead.category.name} · {r.lead.locality.name} ·{' '}
                  {t('ofair.referrals.level', { level: r.level })}
                </Text>
                <Text size="sm">
                  {direction === 'received'
                    ? t('ofair.referrals.from', {
                        name: r.referrer.display_name,
                        percent: r.commission_percentage,
                      })
                    : t('ofair.referrals.to', {
                        name: r.receiver.display_name,
                        percent: r.commission_percentage,
                      })}
                </Text>
                {r.closed_reason && (
                  <Text size="xs" c="dimmed">
                    {t(`ofair.referrals.closed.${r.closed_reason}`)}
                  </Text>
                )}
                {r.note && (
                  <Text size="sm" fs="italic">
                    “{r.note}”
                  </Text>
                )}
                <Group justify="space-between">
                  <RelativeTime value={r.created_at} size="xs" c="dimmed" />
                  {direction === 'received' && r.status === 'pending' && (
                    <Group gap="xs">
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => answer.mutate({ id: r.id, answer: 'reject' })}
                      >
                        {t('ofair.referrals.reject')}
                      </Button>
                      <Button
                        size="xs"
                        loading={answer.isPending}
                        onClick={() => answer.mutate({ id: r.id, answer: 'accept' })}
                      >
                        {t('ofair.referrals.accept')}
                      </Button>
                    </Group>
                  )}
                </Group>
              </Stack>
            </Card>
          ))
        )}
      </Stack>
    </>
  )
}
