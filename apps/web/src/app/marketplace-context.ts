import { createContext, use } from 'react'
import type { Marketplace, MarketplaceId } from './marketplaces'

export interface ActiveMarketplace {
  marketplace: Marketplace
  /** Switches language, direction and theme; MarketplaceScope calls it, pages never need to. */
  activate: (id: MarketplaceId) => void
}

export const MarketplaceContext = createContext<ActiveMarketplace | null>(null)

export function useActiveMarketplace(): ActiveMarketplace {
  const value = use(MarketplaceContext)
  if (!value) throw new Error('useActiveMarketplace must be used inside MarketplaceProvider')
  return value
}

/** The marketplace the current page belongs to (language, direction, brand, home and sign-in paths). */
export function useMarketplace(): Marketplace {
  return useActiveMarketplace().marketplace
}
