import { Group, Paper, Title } from '@mantine/core'
import type { ReactNode } from 'react'

interface SectionCardProps {
  title: ReactNode
  /** Filters or buttons shown at the end of the title row. */
  actions?: ReactNode
  children: ReactNode
}

/** A titled, bordered block of a page; dashboards stack these. */
export function SectionCard({ title, actions, children }: SectionCardProps) {
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section">
      <Group justify="space-between" mb="md" gap="sm">
        <Title order={2} fz="lg">
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Paper>
  )
}
