import { Box, SimpleGrid } from '@mantine/core'
import {
  IconBriefcase,
  IconBuilding,
  IconBuildingSkyscraper,
  IconCertificate,
  IconChartBar,
  IconGavel,
  IconInbox,
  IconLayoutKanban,
  IconReceipt,
  IconStack2,
  IconUsers,
  IconUsersGroup,
  IconWallet,
} from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { usePageTitle } from '../../app/use-page-title'
import { FeatureCard } from '../../components/feature-card'
import { PageHeader } from '../../components/page-header'
import { SectionCard } from '../../components/section-card'
import { WelcomeBanner } from '../../components/welcome-banner'
import { screensFor } from '../../lib/viewer'
import { useViewer } from '../auth/use-viewer'
import { MyApplicationsList } from '../my-applications/my-applications-list'
import { PersonaHome } from './persona-home'

const ICON = { size: 20, stroke: 1.6 }

interface Card {
  to: string
  icon: ReactNode
  title: string
  description: string
}

/** The Splits home: cards for the screens this person may open (no card leads to a refusal). */
export function SplitsHomePage() {
  const { t } = useTranslation()
  usePageTitle(t('splits.home.pageTitle'))
  const viewer = useViewer()
  const can = screensFor(viewer)
  const cards: Card[] = []
  const add = (card: Card) => {
    if (!cards.some((c) => c.to === card.to)) cards.push(card)
  }

  if (can.company)
    add({
      to: '/splits/company',
      icon: <IconBuilding {...ICON} />,
      title: t('splits.nav.company'),
      description: t('splits.home.cards.company'),
    })
  if (can.billing)
    add({
      to: '/splits/billing',
      icon: <IconReceipt {...ICON} />,
      title: t('splits.nav.billing'),
      description: t('splits.home.cards.billing'),
    })
  if (can.earnings)
    add({
      to: '/splits/earnings',
      icon: <IconWallet {...ICON} />,
      title: t('splits.nav.earnings'),
      description: t('splits.home.cards.earnings'),
    })
  if (can.roles)
    add({
      to: '/splits/roles',
      icon: <IconBriefcase {...ICON} />,
      title: t('splits.nav.roles'),
      description:
        viewer.recruiter || !viewer.signedIn
          ? t('splits.home.cards.roles')
          : t('splits.home.cards.teamRoles'),
    })
  if (can.candidates && (viewer.recruiter || !viewer.signedIn))
    add({
      to: '/splits/candidates',
      icon: <IconUsers {...ICON} />,
      title: t('splits.nav.candidates'),
      description: t('splits.home.cards.candidates'),
    })
  if (can.pipeline)
    add({
      to: '/splits/pipeline',
      icon: <IconLayoutKanban {...ICON} />,
      title: t('splits.nav.pipeline'),
      description: t('splits.home.cards.pipeline'),
    })
  if (can.placements && viewer.team)
    add({
      to: '/splits/placements',
      icon: <IconCertificate {...ICON} />,
      title: t('splits.nav.placements'),
      description: t('splits.home.cards.placements'),
    })
  if (can.admin) {
    add({
      to: '/admin/users',
      icon: <IconUsersGroup {...ICON} />,
      title: t('splits.nav.users'),
      description: t('splits.home.cards.users'),
    })
    add({
      to: '/admin/companies',
      icon: <IconBuildingSkyscraper {...ICON} />,
      title: t('splits.nav.companies'),
      description: t('splits.home.cards.companies'),
    })
    add({
      to: '/admin/applications',
      icon: <IconInbox {...ICON} />,
      title: t('splits.nav.applications'),
      description: t('splits.home.cards.applications'),
    })
    add({
      to: '/admin/disputes',
      icon: <IconGavel {...ICON} />,
      title: t('splits.nav.disputes'),
      description: t('splits.home.cards.disputes'),
    })
    add({
      to: '/admin/finance',
      icon: <IconChartBar {...ICON} />,
      title: t('splits.nav.finance'),
      description: t('splits.home.cards.finance'),
    })
    add({
      to: '/admin/jobs',
      icon: <IconStack2 {...ICON} />,
      title: t('splits.nav.jobs'),
      description: t('splits.home.cards.jobs'),
    })
  }

  return (
    <>
      <PageHeader title={t('splits.home.title')} description={t('splits.home.description')} />
      {(viewer.recruiter || viewer.team || viewer.admin) && <PersonaHome />}
      {can.myApplications && (
        <Box mb="xl">
          <SectionCard title={t('splits.myApplications.title')}>
            <MyApplicationsList intro={t('splits.home.candidateIntro')} />
          </SectionCard>
        </Box>
      )}
      {cards.length > 0 && (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="lg" mb="xl">
          {cards.map((card) => (
            <FeatureCard key={card.to} {...card} />
          ))}
        </SimpleGrid>
      )}
      <WelcomeBanner invitation={t('splits.home.getStarted')} />
    </>
  )
}
