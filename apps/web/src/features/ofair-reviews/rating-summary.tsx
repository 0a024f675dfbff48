import { Group, Progress, Rating, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ProfessionalReviews } from './reviews-api'

/** Stars, the average, the count and one bar per star level (5 at the top). */
export function RatingSummary({ summary }: { summary: ProfessionalReviews['summary'] }) {
  const { t } = useTranslation()
  const max = Math.max(1, ...summary.distribution)
  return (
    <Group align="flex-start" gap="xl" wrap="wrap" data-testid="rating-summary">
      <Stack gap={2} align="center" miw={120}>
        <Text fz={40} fw={700} lh={1}>
          {summary.average === null ? '—' : summary.average.toFixed(1)}
        </Text>
        <Rating value={summary.average ?? 0} fractions={10} readOnly aria-label={t('ofairReviews.stars')} />
        <Text size="sm" c="dimmed">
          {t('ofair.pro.reviews', { count: summary.count })}
        </Text>
      </Stack>
      <Stack gap={4} style={{ flex: '1 1 180px' }} maw={360}>
        {[5, 4, 3, 2, 1].map((stars) => {
          const n = summary.distribution[stars - 1] ?? 0
          return (
            <Group key={stars} gap="xs" wrap="nowrap">
              <Text size="sm" w={72} style={{ whiteSpace: 'nowrap' }}>
                {t('ofairReviews.starsLabel', { count: stars })}
              </Text>
              <Progress
                value={(n / max) * 100}
                color="yellow"
                style={{ flex: 1 }}
                aria-label={t('ofairReviews.starsLabel', { count: stars })}
              />
              <Text size="sm" w={24} ta="end">
                {n}
              </Text>
            </Group>
          )
        })}
      </Stack>
    </Group>
  )
}
