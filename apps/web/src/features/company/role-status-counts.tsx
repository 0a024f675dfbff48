import { Paper, SimpleGrid, Text, UnstyledButton } from '@mantine/core'
import { Link } from 'react-router'
import { BADGE_COLORS } from '../reference/badge-colors'
import { useVocab } from '../reference/use-vocab'

const STATUSES = ['draft', 'open', 'paused', 'filled', 'closed'] as const

/** How many of the company's roles are in each status; each links to the filtered list. */
export function RoleStatusCounts({ counts }: { counts: Record<string, number> }) {
  const { label } = useVocab()
  return (
    <SimpleGrid cols={{ base: 2, xs: 3, md: 5 }} spacing="sm">
      {STATUSES.map((status) => {
        const count = counts[status] ?? 0
        const color = BADGE_COLORS.roleStatuses?.[status] ?? 'gray'
        return (
          <UnstyledButton key={status} component={Link} to={`/splits/roles?status=${status}`}>
            <Paper
              withBorder
              p="md"
              radius="md"
              style={{ borderTop: `3px solid var(--mantine-color-${color}-5)` }}
            >
              <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
                {label('roleStatuses', status)}
              </Text>
              <Text fz={28} fw={700} lh={1.2} aria-label={`${label('roleStatuses', status)}: ${count}`}>
                {count}
              </Text>
            </Paper>
          </UnstyledButton>
        )
      })}
    </SimpleGrid>
  )
}
