import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { RouterProvider } from 'react-router/dom'
import { marketplaceForPath } from './app/marketplaces'
import { Providers } from './app/providers'
import { router } from './app/router'
import { initI18n } from './i18n'

initI18n(marketplaceForPath(window.location.pathname).lang)

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <Providers>
      <RouterProvider router={router} />
    </Providers>
  </StrictMode>,
)
