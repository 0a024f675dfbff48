import { Badge, Button, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { IconArrowLeft, IconArrowRight } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import type { Language } from '../../i18n'

interface MarketplaceCardProps {
  to: string
  lang: Language
  color: string
  icon: ReactNode
  title: string
  language: string
  description: string
  enter: string
}

/** One marketplace on the landing page, written and laid out in that marketplace's own language. */
export function MarketplaceCard({
  to,
  lang,
  color,
  icon,
  title,
  language,
  description,
  enter,
}: MarketplaceCardProps) {
  const dir = lang === 'he' ? 'rtl' : 'ltr'
  const Arrow = dir === 'rtl' ? IconArrowLeft : IconArrowRight

  return (
    <Card dir={dir} lang={lang} padding="xl" shadow="sm" h="100%">
      <Stack gap="md" h="100%">
        <Group justify="space-between" wrap="nowrap">
          <ThemeIcon size={56} radius="lg" color={color} variant="light">
            {icon}
          </ThemeIcon>
          <Badge color={color} variant="light">
            {language}
          </Badge>
        </Group>
        <Title order={2} fz={28}>
          {title}
        </Title>
        <Text c="dimmed" size="md" style={{ flex: 1 }}>
          {description}
        </Text>
        <Button component={Link} to={to} color={`${color}.8`} size="md" rightSection={<Arrow size={18} />}>
          {enter}
        </Button>
      </Stack>
    </Card>
  )
}
