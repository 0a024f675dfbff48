import { SimpleGrid } from '@mantine/core'
import { IconBriefcase, IconLayoutKanban, IconUsers } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { usePageTitle } from '../../app/use-page-title'
import { FeatureCard } from '../../components/feature-card'
import { PageHeader } from '../../components/page-header'
import { WelcomeBanner } from '../../components/welcome-banner'

const ICON = { size: 20, stroke: 1.6 }

export function SplitsHomePage() {
  const { t } = useTranslation()
  usePageTitle(t('splits.home.pageTitle'))

  return (
    <>
      <PageHeader title={t('splits.home.title')} description={t('splits.home.description')} />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg" mb="xl">
        <FeatureCard
          to="/splits/roles"
          icon={<IconBriefcase {...ICON} />}
          title={t('splits.nav.roles')}
          description={t('splits.home.cards.roles')}
        />
        <FeatureCard
          to="/splits/candidates"
          icon={<IconUsers {...ICON} />}
          title={t('splits.nav.candidates')}
          description={t('splits.home.cards.candidates')}
        />
        <FeatureCard
          to="/splits/pipeline"
          icon={<IconLayoutKanban {...ICON} />}
          title={t('splits.nav.pipeline')}
          description={t('splits.home.cards.pipeline')}
        />
      </SimpleGrid>
      <WelcomeBanner invitation={t('splits.home.getStarted')} />
    </>
  )
}
