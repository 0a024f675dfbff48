import {
  IconArrowsExchange,
  IconChartBar,
  IconClipboardList,
  IconCreditCard,
  IconEye,
  IconFileDollar,
  IconFilePlus,
  IconHome,
  IconId,
  IconInvoice,
  IconListCheck,
  IconMessages,
  IconReportMoney,
  IconScale,
  IconSend,
  IconShieldCheck,
  IconStar,
  IconUserCircle,
  IconUsers,
  IconWallet,
} from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useCurrentUser } from '../../features/auth/auth-api'
import { useMyChats } from '../../features/ofair-chat/chat-api'
import { hasRole } from '../../lib/roles'
import { MarketplaceShell } from './marketplace-shell'
import type { NavItem, NavSection } from './nav-sections'
import { useOfairApp } from './use-ofair-app'

const ICON = { size: 18, stroke: 1.6 }

/** OFAIR's menu follows the person: professionals work the board, consumers post requests. */
export function OfairLayout() {
  const { t } = useTranslation()
  useOfairApp()
  const user = useCurrentUser()
  const pro = hasRole(user, 'professional')
  const admin = hasRole(user, 'ofair_admin')
  const member = pro || admin || hasRole(user, 'consumer')
  const chats = useMyChats(member)
  const work: NavItem[] = [
    { to: '/ofair', label: t('ofair.nav.home'), icon: <IconHome {...ICON} />, end: true },
    ...(pro || !user
      ? [
          {
            to: '/ofair/leads',
            label: t('ofair.nav.leads'),
            icon: <IconClipboardList {...ICON} />,
            end: true,
          },
        ]
      : []),
    ...(user
      ? [{ to: '/ofair/my-leads', label: t('ofair.nav.myLeads'), icon: <IconListCheck {...ICON} /> }]
      : []),
    ...(member
      ? [
          {
            to: '/ofair/chats',
            label: t('ofair.nav.chats'),
            icon: <IconMessages {...ICON} />,
            badge: chats.data?.unread ?? 0,
          },
        ]
      : []),
    ...(pro
      ? [
          { to: '/ofair/referrals', label: t('ofair.nav.referrals'), icon: <IconArrowsExchange {...ICON} /> },
          { to: '/ofair/offers', label: t('ofair.nav.offers'), icon: <IconFileDollar {...ICON} /> },
          { to: '/ofair/wallet', label: t('ofair.nav.wallet'), icon: <IconWallet {...ICON} /> },
          { to: '/ofair/invoices', label: t('ofair.nav.invoices'), icon: <IconInvoice {...ICON} /> },
          {
            to: '/ofair/payment-method',
            label: t('ofairPay.nav.paymentMethod'),
            icon: <IconCreditCard {...ICON} />,
          },
        ]
      : [{ to: '/ofair/request', label: t('ofair.nav.request'), icon: <IconFilePlus {...ICON} /> }]),
  ]
  const nav: NavSection[] = [
    { items: work },
    {
      items: [
        ...(user
          ? [{ to: '/ofair/profile', label: t('ofair.nav.profile'), icon: <IconId {...ICON} /> }]
          : []),
        ...(admin
          ? [
              {
                to: '/ofair/admin/professionals',
                label: t('ofair.nav.admin'),
                icon: <IconShieldCheck {...ICON} />,
              },
              {
                to: '/ofair/admin/leads',
                label: t('ofair.nav.adminLeads'),
                icon: <IconClipboardList {...ICON} />,
              },
              {
                to: '/ofair/admin/reviews',
                label: t('ofairReviews.nav'),
                icon: <IconStar {...ICON} />,
              },
              {
                to: '/ofair/admin/users',
                label: t('ofairAdmin.nav.users'),
                icon: <IconUsers {...ICON} />,
              },
              {
                to: '/ofair/admin/disputes',
                label: t('ofairAdmin.nav.disputes'),
                icon: <IconScale {...ICON} />,
              },
              {
                to: '/ofair/admin/analytics',
                label: t('ofairAdmin.nav.analytics'),
                icon: <IconChartBar {...ICON} />,
              },
              {
                to: '/ofair/admin/pii-log',
                label: t('ofairAdmin.nav.piiLog'),
                icon: <IconEye {...ICON} />,
              },
              {
                to: '/ofair/admin/notifications',
                label: t('ofairAdmin.nav.deliveries'),
                icon: <IconSend {...ICON} />,
              },
              {
                to: '/ofair/admin/invoices',
                label: t('ofair.nav.adminInvoices'),
                icon: <IconInvoice {...ICON} />,
              },
              {
                to: '/ofair/admin/finance',
                label: t('ofair.nav.finance'),
                icon: <IconReportMoney {...ICON} />,
              },
              {
                to: '/ofair/admin/collection',
                label: t('ofairPay.nav.adminCollection'),
                icon: <IconCreditCard {...ICON} />,
              },
            ]
          : []),
        ...(user
          ? [{ to: '/ofair/account', label: t('ofair.nav.account'), icon: <IconUserCircle {...ICON} /> }]
          : []),
      ],
    },
  ]
  return <MarketplaceShell nav={nav} />
}
