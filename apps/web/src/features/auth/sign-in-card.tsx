import { Paper, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'

interface SignInCardProps {
  title: string
  subtitle: string
  children: ReactNode
}

/** The card both marketplaces' sign-in pages share, so they look like one product family. */
export function SignInCard({ title, subtitle, children }: SignInCardProps) {
  return (
    <Paper withBorder shadow="md" p={{ base: 'lg', sm: 32 }}>
      <Stack gap={4} mb="lg">
        <Title order={1} fz={24}>
          {title}
        </Title>
        <Text c="dimmed" size="sm">
          {subtitle}
        </Text>
      </Stack>
      {children}
    </Paper>
  )
}
