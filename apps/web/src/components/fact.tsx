import { Box, Text } from '@mantine/core'
import type { ReactNode } from 'react'

/** A small label above a value, for detail pages' fact grids. */
export function Fact({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <Box style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed" mb={2}>
        {label}
      </Text>
      {typeof children === 'string' || typeof children === 'number' ? (
        <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
          {children}
        </Text>
      ) : (
        children
      )}
    </Box>
  )
}
