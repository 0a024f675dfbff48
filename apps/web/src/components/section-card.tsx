import { Group, Paper, Title } from '@mantine/core'
import { type ReactNode, useId } from 'react'

interface SectionCardProps {
  title: ReactNode
  /** Filters or buttons shown at the end of the title row. */
  actions?: ReactNode
  children: ReactNode
}

/** A titled, bordered block of a page; dashboards stack these. The title names the region. */
export function SectionCard({ title, actions, children }: SectionCardProps) {
  const id = useId()
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="md" gap="sm">
        <Title order={2} fz="lg" id={id}>
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Paper>
  )
}
