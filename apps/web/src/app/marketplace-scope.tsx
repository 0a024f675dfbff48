import { type ReactNode, useLayoutEffect } from 'react'
import { Outlet } from 'react-router'
import { useActiveMarketplace } from './marketplace-context'
import type { MarketplaceId } from './marketplaces'

interface MarketplaceScopeProps {
  marketplace: MarketplaceId
  children?: ReactNode
}

/**
 * Route wrapper that makes its subtree belong to one marketplace: language, direction and theme
 * switch when navigation crosses from one scope into another.
 */
export function MarketplaceScope({ marketplace, children }: MarketplaceScopeProps) {
  const { marketplace: active, activate } = useActiveMarketplace()

  useLayoutEffect(() => {
    activate(marketplace)
  }, [marketplace, activate])

  // Render nothing for the single pre-paint pass before the switch, so a page never shows in the
  // other marketplace's language or direction.
  if (active.id !== marketplace) return null
  return children ?? <Outlet />
}
