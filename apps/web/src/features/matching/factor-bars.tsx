import { Group, Progress, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Reason } from './matching-api'

const COLORS = (share: number) => (share >= 0.75 ? 'teal' : share >= 0.4 ? 'yellow' : 'red')

/**
 * Each factor of a score: its points out of its weight as a bar, and the reason in words. The
 * points add up to the score; a factor nobody could judge says so instead of a colour.
 */
export function FactorBars({ reasons }: { reasons: readonly Reason[] }) {
  const { t } = useTranslation()
  return (
    <Stack gap={10}>
      {reasons.map((r) => {
        const share = r.weight > 0 ? r.points / r.weight : 0
        const label = t(`matching.factor.${r.factor}`, { defaultValue: r.factor })
        return (
          <div key={r.factor}>
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm" fw={500}>
                {label}
              </Text>
              <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {t('matching.points', { points: r.points, weight: Math.round(r.weight) })}
              </Text>
            </Group>
            <Progress
              value={Math.round(share * 100)}
              color={r.known ? COLORS(share) : 'gray'}
              size="sm"
              mt={4}
              aria-label={t('matching.factorAria', {
                factor: label,
                points: r.points,
                weight: Math.round(r.weight),
              })}
            />
            <Text size="xs" c="dimmed" mt={4} fs={r.known ? undefined : 'italic'}>
              {r.known ? r.explanation : t('matching.unknownFactor', { why: r.explanation })}
            </Text>
          </div>
        )
      })}
    </Stack>
  )
}
