import {
  IconBriefcase,
  IconBuilding,
  IconBuildingSkyscraper,
  IconCertificate,
  IconGavel,
  IconHome,
  IconInbox,
  IconLayoutKanban,
  IconStack2,
  IconUserCircle,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useViewer } from '../../features/auth/use-viewer'
import { NotificationBell } from '../../features/notifications/notification-bell'
import { MarketplaceShell } from './marketplace-shell'
import type { NavItem, NavSection } from './nav-sections'

const ICON = { size: 18, stroke: 1.6 }

/** Navigation by role: recruiters work roles, candidates and their pipeline; hiring teams their company. */
export function SplitsLayout() {
  const { t } = useTranslation()
  const viewer = useViewer()
  const all = viewer.admin
  const recruiter = all || viewer.recruiter || !viewer.signedIn
  const team = all || viewer.team
  const items: NavItem[] = [
    { to: '/splits', label: t('splits.nav.home'), icon: <IconHome {...ICON} />, end: true },
  ]
  if (team)
    items.push({ to: '/splits/company', label: t('splits.nav.company'), icon: <IconBuilding {...ICON} /> })
  items.push({ to: '/splits/roles', label: t('splits.nav.roles'), icon: <IconBriefcase {...ICON} /> })
  if (recruiter) {
    items.push(
      { to: '/splits/candidates', label: t('splits.nav.candidates'), icon: <IconUsers {...ICON} /> },
      { to: '/splits/pipeline', label: t('splits.nav.pipeline'), icon: <IconLayoutKanban {...ICON} /> },
    )
  }
  if (viewer.signedIn) {
    items.push({
      to: '/splits/placements',
      label: t('splits.nav.placements'),
      icon: <IconCertificate {...ICON} />,
    })
  }
  const nav: NavSection[] = [{ items }]
  if (viewer.signedIn) {
    nav.push({
      items: [{ to: '/splits/account', label: t('splits.nav.account'), icon: <IconUserCircle {...ICON} /> }],
    })
  }
  // Only platform admins see the admin area; the API refuses everyone else anyway.
  if (viewer.admin) {
    nav.push({
      label: t('splits.nav.admin'),
      items: [
        { to: '/admin/users', label: t('splits.nav.users'), icon: <IconUsersGroup {...ICON} /> },
        {
          to: '/admin/companies',
          label: t('splits.nav.companies'),
          icon: <IconBuildingSkyscraper {...ICON} />,
        },
        { to: '/admin/applications', label: t('splits.nav.applications'), icon: <IconInbox {...ICON} /> },
        { to: '/admin/disputes', label: t('splits.nav.disputes'), icon: <IconGavel {...ICON} /> },
        { to: '/admin/jobs', label: t('splits.nav.jobs'), icon: <IconStack2 {...ICON} /> },
      ],
    })
  }
  return <MarketplaceShell nav={nav} headerExtra={<NotificationBell />} />
}
