import { IconBriefcase, IconHome, IconLayoutKanban, IconStack2, IconUsers } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { MarketplaceShell } from './marketplace-shell'
import type { NavSection } from './nav-sections'

const ICON = { size: 18, stroke: 1.6 }

export function SplitsLayout() {
  const { t } = useTranslation()
  const nav: NavSection[] = [
    {
      items: [
        { to: '/splits', label: t('splits.nav.home'), icon: <IconHome {...ICON} />, end: true },
        { to: '/splits/roles', label: t('splits.nav.roles'), icon: <IconBriefcase {...ICON} /> },
        { to: '/splits/candidates', label: t('splits.nav.candidates'), icon: <IconUsers {...ICON} /> },
        { to: '/splits/pipeline', label: t('splits.nav.pipeline'), icon: <IconLayoutKanban {...ICON} /> },
      ],
    },
    {
      label: t('splits.nav.admin'),
      items: [{ to: '/admin/jobs', label: t('splits.nav.jobs'), icon: <IconStack2 {...ICON} /> }],
    },
  ]
  return <MarketplaceShell nav={nav} />
}
