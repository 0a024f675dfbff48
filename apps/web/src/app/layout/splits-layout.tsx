import {
  IconBell,
  IconBook2,
  IconBookmark,
  IconBriefcase,
  IconBuilding,
  IconBuildingSkyscraper,
  IconCalendarEvent,
  IconCash,
  IconCertificate,
  IconChartBar,
  IconContract,
  IconCrown,
  IconFileCv,
  IconFileInvoice,
  IconGavel,
  IconHeartbeat,
  IconHome,
  IconInbox,
  IconLayoutKanban,
  IconMessage2Exclamation,
  IconMessages,
  IconReceipt,
  IconReceipt2,
  IconRobot,
  IconScale,
  IconShieldCheck,
  IconShieldExclamation,
  IconSparkles,
  IconStack2,
  IconToggleRight,
  IconUserCircle,
  IconUsers,
  IconUsersGroup,
  IconWallet,
} from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useViewer } from '../../features/auth/use-viewer'
import { NotificationBell } from '../../features/notifications/notification-bell'
import { useMySplitsConversations } from '../../features/splits-chat/splits-chat-api'
import { screensFor } from '../../lib/viewer'
import { MarketplaceShell } from './marketplace-shell'
import type { NavItem, NavSection } from './nav-sections'

const ICON = { size: 18, stroke: 1.6 }

/**
 * Navigation by role (from who-am-I): recruiters work roles, candidates and their pipeline; hiring
 * teams their company; candidates follow their applications; admins get the admin area. An entry
 * appears only when its screen's API lets this person in.
 */
export function SplitsLayout() {
  const { t } = useTranslation()
  const viewer = useViewer()
  const can = screensFor(viewer)
  const chats = useMySplitsConversations(viewer.recruiter || viewer.team)
  const items: NavItem[] = [
    { to: '/splits', label: t('splits.nav.home'), icon: <IconHome {...ICON} />, end: true },
  ]
  if (can.myApplications)
    items.push({
      to: '/splits/my-applications',
      label: t('splits.nav.myApplications'),
      icon: <IconFileCv {...ICON} />,
    })
  if (can.company)
    items.push({ to: '/splits/company', label: t('splits.nav.company'), icon: <IconBuilding {...ICON} /> })
  if (can.billing)
    items.push({ to: '/splits/billing', label: t('splits.nav.billing'), icon: <IconReceipt {...ICON} /> })
  if (can.earnings)
    items.push({ to: '/splits/earnings', label: t('splits.nav.earnings'), icon: <IconWallet {...ICON} /> })
  if (can.plans)
    items.push({ to: '/splits/plans', label: t('splits.nav.plans'), icon: <IconCrown {...ICON} /> })
  if (can.roles)
    items.push({ to: '/splits/roles', label: t('splits.nav.roles'), icon: <IconBriefcase {...ICON} /> })
  if (can.savedSearches)
    items.push({
      to: '/splits/saved-searches',
      label: t('splits.nav.savedSearches'),
      icon: <IconBookmark {...ICON} />,
    })
  if (can.candidates)
    items.push({ to: '/splits/candidates', label: t('splits.nav.candidates'), icon: <IconUsers {...ICON} /> })
  if (can.pipeline)
    items.push({
      to: '/splits/pipeline',
      label: t('splits.nav.pipeline'),
      icon: <IconLayoutKanban {...ICON} />,
    })
  if (viewer.recruiter || viewer.team)
    items.push({
      to: '/splits/messages',
      label: t('splits.nav.messages'),
      icon: <IconMessages {...ICON} />,
      badge: chats.data?.unread ?? 0,
    })
  if (can.interviews)
    items.push({
      to: '/splits/interviews',
      label: t('splits.nav.interviews'),
      icon: <IconCalendarEvent {...ICON} />,
    })
  if (can.placements)
    items.push({
      to: '/splits/placements',
      label: t('splits.nav.placements'),
      icon: <IconCertificate {...ICON} />,
    })
  // nothing until who-am-I answers: a signed-in person never sees a visitor's menu flash by
  const nav: NavSection[] = viewer.known ? [{ items }] : []
  if (viewer.signedIn) {
    nav.push({
      items: [
        { to: '/splits/notifications', label: t('splits.nav.notifications'), icon: <IconBell {...ICON} /> },
        { to: '/splits/account', label: t('splits.nav.account'), icon: <IconUserCircle {...ICON} /> },
      ],
    })
  }
  // Only platform admins see the admin area; the API refuses everyone else anyway.
  if (can.admin) {
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
        {
          to: '/admin/conversation-reports',
          label: t('splits.nav.conversationReports'),
          icon: <IconMessage2Exclamation {...ICON} />,
        },
        { to: '/admin/jobs', label: t('splits.nav.jobs'), icon: <IconStack2 {...ICON} /> },
      ],
    })
    // how the marketplace is doing and what the machines suggest: every one of them reviewed by a person
    nav.push({
      label: t('splits.nav.operations'),
      items: [
        { to: '/admin/health', label: t('splits.nav.health'), icon: <IconHeartbeat {...ICON} /> },
        { to: '/admin/fraud', label: t('fraud.nav'), icon: <IconShieldExclamation {...ICON} /> },
        { to: '/admin/automation', label: t('automation.nav'), icon: <IconRobot {...ICON} /> },
        { to: '/admin/ai-matches', label: t('matching.nav.aiMatches'), icon: <IconSparkles {...ICON} /> },
        { to: '/admin/decisions', label: t('matching.nav.decisions'), icon: <IconScale {...ICON} /> },
        { to: '/admin/flags', label: t('splits.nav.flags'), icon: <IconToggleRight {...ICON} /> },
      ],
    })
  }
  if (can.finance) {
    nav.push({
      label: t('splits.nav.finance'),
      items: [
        {
          to: '/admin/finance',
          label: t('splits.nav.financeOverview'),
          icon: <IconChartBar {...ICON} />,
          end: true,
        },
        {
          to: '/admin/finance/invoices',
          label: t('splits.nav.invoices'),
          icon: <IconFileInvoice {...ICON} />,
        },
        { to: '/admin/finance/ledger', label: t('splits.nav.ledger'), icon: <IconBook2 {...ICON} /> },
        { to: '/admin/plans', label: t('splits.nav.plansAdmin'), icon: <IconReceipt2 {...ICON} /> },
        {
          to: '/admin/finance/payouts',
          label: t('splits.nav.payouts'),
          icon: <IconCash {...ICON} />,
        },
        {
          to: '/admin/finance/audit',
          label: t('splits.nav.payoutAudit'),
          icon: <IconShieldCheck {...ICON} />,
        },
        {
          to: '/admin/finance/contracts',
          label: t('splits.nav.contracts'),
          icon: <IconContract {...ICON} />,
        },
      ],
    })
  }
  return <MarketplaceShell nav={nav} headerExtra={<NotificationBell />} />
}
