import { Badge, Group, Progress, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { RECOMMENDATION_COLORS } from './note-item'
import { type NotesPage, RECOMMENDATIONS } from './notes-api'

/** The feedback the viewer may read, summed up: recommendations counted, each criterion's mean. */
export function ScorecardSummary({ summary }: { summary: NotesPage['summary'] }) {
  const { t } = useTranslation()
  if (summary.feedback_count === 0) return null
  const rated = summary.criteria.filter((c) => c.count > 0)
  return (
    <Stack gap="sm" data-testid="scorecard-summary">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={600} size="sm">
          {t('splits.notes.summary.title', { count: summary.feedback_count })}
        </Text>
        {summary.weighted_average !== null && (
          <Text size="sm">
            {t('splits.notes.summary.weighted')}{' '}
            <Text span fw={700}>
              {summary.weighted_average.toFixed(2)} / 4
            </Text>
          </Text>
        )}
      </Group>
      <Group gap="xs" wrap="wrap">
        {RECOMMENDATIONS.filter((r) => summary.recommendations[r] > 0).map((r) => (
          <Badge key={r} color={RECOMMENDATION_COLORS[r]} variant="light">
            {t(`splits.notes.recommendations.${r}`)} × {summary.recommendations[r]}
          </Badge>
        ))}
      </Group>
      {rated.length > 0 && (
        <Table verticalSpacing={4} fz="sm">
          <Table.Tbody>
            {rated.map((c) => (
              <Table.Tr key={c.key}>
                <Table.Td>{c.name}</Table.Td>
                <Table.Td w="40%">
                  <Progress value={((c.average ?? 0) / 4) * 100} size="sm" aria-label={c.name} />
                </Table.Td>
                <Table.Td ta="end" style={{ whiteSpace: 'nowrap' }}>
                  {c.average?.toFixed(2)}{' '}
                  <Text span c="dimmed" size="xs">
                    ({c.count})
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  )
}
