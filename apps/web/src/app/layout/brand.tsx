import { Group, Text, ThemeIcon, UnstyledButton } from '@mantine/core'
import { IconArrowsSplit2, IconStack2, IconTools } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useMarketplace } from '../marketplace-context'
import type { MarketplaceId } from '../marketplaces'

const ICONS: Record<MarketplaceId, typeof IconStack2> = {
  platform: IconStack2,
  splits: IconArrowsSplit2,
  ofair: IconTools,
}

/** Logo and name of the active marketplace, linking to its home page. */
export function Brand() {
  const { t } = useTranslation()
  const { id, brandKey, homePath } = useMarketplace()
  const Icon = ICONS[id]

  return (
    <UnstyledButton component={Link} to={homePath} aria-label={t(brandKey)}>
      <Group gap={10} wrap="nowrap">
        <ThemeIcon size={34} radius="md" variant="filled">
          <Icon size={20} stroke={1.8} />
        </ThemeIcon>
        <Text fw={700} fz={{ base: 'md', xs: 'lg' }} lh={1} style={{ whiteSpace: 'nowrap' }}>
          {t(brandKey)}
        </Text>
      </Group>
    </UnstyledButton>
  )
}
