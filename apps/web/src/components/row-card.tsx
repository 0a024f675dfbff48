import { Anchor, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { Link } from 'react-router'

export interface RowCardField {
  label: string
  value: ReactNode
}

interface RowCardProps {
  to: string
  title: string
  subtitle?: ReactNode
  /** Badges at the end of the title row (status, stage). */
  badges?: ReactNode
  fields: RowCardField[]
}

/** A table row as a card, for phones: the link, its badges, and every column as label and value. */
export function RowCard({ to, title, subtitle, badges, fields }: RowCardProps) {
  return (
    <Paper component="li" withBorder p="sm" radius="md" aria-label={title}>
      <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Anchor component={Link} to={to} fw={600} size="sm">
            {title}
          </Anchor>
          {subtitle && (
            <Text size="xs" c="dimmed">
              {subtitle}
            </Text>
          )}
        </Stack>
        {badges && (
          <Group gap={4} justify="flex-end" style={{ flexShrink: 0 }}>
            {badges}
          </Group>
        )}
      </Group>
      <SimpleGrid cols={2} spacing="xs" verticalSpacing={6} mt="xs" component="dl" m={0}>
        {fields.map((field) => (
          <div key={field.label}>
            <Text component="dt" size="xs" c="dimmed">
              {field.label}
            </Text>
            <Text component="dd" size="sm" m={0}>
              {field.value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Paper>
  )
}

/** The list the cards sit in. */
export function RowCards({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
      {children}
    </Stack>
  )
}
