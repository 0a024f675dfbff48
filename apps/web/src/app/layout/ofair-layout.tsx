import {
  IconArrowsExchange,
  IconClipboardList,
  IconFileDollar,
  IconHome,
  IconSettings,
  IconUserCircle,
  IconWallet,
} from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useCurrentUser } from '../../features/auth/auth-api'
import { MarketplaceShell } from './marketplace-shell'
import type { NavSection } from './nav-sections'

const ICON = { size: 18, stroke: 1.6 }

export function OfairLayout() {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const nav: NavSection[] = [
    {
      items: [
        { to: '/ofair', label: t('ofair.nav.home'), icon: <IconHome {...ICON} />, end: true },
        { to: '/ofair/leads', label: t('ofair.nav.leads'), icon: <IconClipboardList {...ICON} /> },
        { to: '/ofair/referrals', label: t('ofair.nav.referrals'), icon: <IconArrowsExchange {...ICON} /> },
        { to: '/ofair/offers', label: t('ofair.nav.offers'), icon: <IconFileDollar {...ICON} /> },
        { to: '/ofair/wallet', label: t('ofair.nav.wallet'), icon: <IconWallet {...ICON} /> },
      ],
    },
    {
      items: [
        ...(user
          ? [{ to: '/ofair/account', label: t('ofair.nav.account'), icon: <IconUserCircle {...ICON} /> }]
          : []),
        { to: '/ofair/settings', label: t('ofair.nav.settings'), icon: <IconSettings {...ICON} /> },
      ],
    },
  ]
  return <MarketplaceShell nav={nav} />
}
