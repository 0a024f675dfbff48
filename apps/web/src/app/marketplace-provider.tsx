import { useDirection } from '@mantine/core'
import { type ReactNode, useCallback, useMemo, useState } from 'react'
import { i18n } from '../i18n'
import { type ActiveMarketplace, MarketplaceContext } from './marketplace-context'
import { MARKETPLACES, type MarketplaceId, marketplaceForPath } from './marketplaces'

/** Holds which marketplace is active and applies its language and direction to i18next and <html>. */
export function MarketplaceProvider({ children }: { children: ReactNode }) {
  const [id, setId] = useState<MarketplaceId>(() => marketplaceForPath(window.location.pathname).id)
  const { setDirection } = useDirection()

  const activate = useCallback(
    (next: MarketplaceId) => {
      const { lang, dir } = MARKETPLACES[next]
      // Bundled resources make this synchronous, so the next render is already translated.
      if (i18n.language !== lang) void i18n.changeLanguage(lang)
      setDirection(dir) // also sets <html dir>
      document.documentElement.lang = lang
      setId(next)
    },
    [setDirection],
  )

  const value = useMemo<ActiveMarketplace>(
    () => ({ marketplace: MARKETPLACES[id], activate }),
    [id, activate],
  )
  return <MarketplaceContext value={value}>{children}</MarketplaceContext>
}
