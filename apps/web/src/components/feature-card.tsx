import { Card, Group, Text, ThemeIcon } from '@mantine/core'
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import classes from './feature-card.module.css'

interface FeatureCardProps {
  to: string
  icon: ReactNode
  title: string
  description: string
}

/** A linked card that introduces one area of a marketplace on its home page. */
export function FeatureCard({ to, icon, title, description }: FeatureCardProps) {
  return (
    <Card component={Link} to={to} className={classes.card}>
      <Group gap="sm" mb="xs" wrap="nowrap">
        <ThemeIcon variant="light" size={38} radius="md">
          {icon}
        </ThemeIcon>
        <Text fw={600} size="lg">
          {title}
        </Text>
      </Group>
      <Text size="sm" c="dimmed">
        {description}
      </Text>
    </Card>
  )
}
