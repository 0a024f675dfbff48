import { useDocumentTitle } from '@mantine/hooks'
import { useTranslation } from 'react-i18next'
import { useMarketplace } from './marketplace-context'

/** Sets document.title to "<title> · <marketplace brand>"; every page calls it once. */
export function usePageTitle(title?: string): void {
  const { t } = useTranslation()
  const brand = t(useMarketplace().brandKey)
  useDocumentTitle(title ? `${title} · ${brand}` : brand)
}
