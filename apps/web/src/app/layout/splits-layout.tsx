import {
  IconBriefcase,
  IconHome,
  IconLayoutKanban,
  IconStack2,
  IconUserCircle,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useCurrentUser } from '../../features/auth/auth-api'
import { hasRole } from '../../lib/roles'
import { MarketplaceShell } from './marketplace-shell'
import type { NavSection } from './nav-sections'

const ICON = { size: 18, stroke: 1.6 }

export function SplitsLayout() {
  const { t } = useTranslation()
  const user = useCurrentUser()
  const nav: NavSection[] = [
    {
      items: [
        { to: '/splits', label: t('splits.nav.home'), icon: <IconHome {...ICON} />, end: true },
        { to: '/splits/roles', label: t('splits.nav.roles'), icon: <IconBriefcase {...ICON} /> },
        { to: '/splits/candidates', label: t('splits.nav.candidates'), icon: <IconUsers {...ICON} /> },
        { to: '/splits/pipeline', label: t('splits.nav.pipeline'), icon: <IconLayoutKanban {...ICON} /> },
      ],
    },
  ]
  if (user) {
    nav.push({
      items: [{ to: '/splits/account', label: t('splits.nav.account'), icon: <IconUserCircle {...ICON} /> }],
    })
  }
  // Only platform admins see the admin area; the API refuses everyone else anyway.
  if (hasRole(user, 'platform_admin')) {
    nav.push({
      label: t('splits.nav.admin'),
      items: [
        { to: '/admin/users', label: t('splits.nav.users'), icon: <IconUsersGroup {...ICON} /> },
        { to: '/admin/jobs', label: t('splits.nav.jobs'), icon: <IconStack2 {...ICON} /> },
      ],
    })
  }
  return <MarketplaceShell nav={nav} />
}
