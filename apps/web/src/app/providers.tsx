import '@mantine/core/styles.css'
import '@mantine/notifications/styles.css'
import './global.css'

import {
  DirectionProvider,
  localStorageColorSchemeManager,
  MantineProvider,
  useDirection,
} from '@mantine/core'
import { ModalsProvider } from '@mantine/modals'
import { Notifications } from '@mantine/notifications'
import { QueryClientProvider } from '@tanstack/react-query'
import { type ReactNode, useMemo, useState } from 'react'
import { I18nextProvider } from 'react-i18next'
import { createQueryClient } from '../api/query-client'
import { i18n } from '../i18n'
import { useMarketplace } from './marketplace-context'
import { MarketplaceProvider } from './marketplace-provider'
import { marketplaceForPath } from './marketplaces'
import { themeFor } from './theme'

// The same key public/first-paint.js reads before the bundle loads.
const colorSchemeManager = localStorageColorSchemeManager({ key: 'mantine-color-scheme-value' })

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient)
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <DirectionProvider initialDirection={marketplaceForPath(window.location.pathname).dir}>
          <MarketplaceProvider>
            <ThemedProviders>{children}</ThemedProviders>
          </MarketplaceProvider>
        </DirectionProvider>
      </QueryClientProvider>
    </I18nextProvider>
  )
}

/** Mantine follows the active marketplace: its primary colour, fonts and direction. */
function ThemedProviders({ children }: { children: ReactNode }) {
  const marketplace = useMarketplace()
  const { dir } = useDirection()
  const theme = useMemo(() => themeFor(marketplace), [marketplace])

  return (
    <MantineProvider theme={theme} colorSchemeManager={colorSchemeManager} defaultColorScheme="auto">
      <Notifications position={dir === 'rtl' ? 'top-left' : 'top-right'} />
      <ModalsProvider>{children}</ModalsProvider>
    </MantineProvider>
  )
}
