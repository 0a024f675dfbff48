import { Anchor, SimpleGrid, Text } from '@mantine/core'
import { IconArrowsExchange, IconClipboardList, IconFilePlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { usePageTitle } from '../../app/use-page-title'
import { FeatureCard } from '../../components/feature-card'
import { PageHeader } from '../../components/page-header'
import { WelcomeBanner } from '../../components/welcome-banner'

const ICON = { size: 20, stroke: 1.6 }

export function OfairHomePage() {
  const { t } = useTranslation()
  usePageTitle(t('ofair.home.pageTitle'))

  return (
    <>
      <PageHeader title={t('ofair.home.title')} description={t('ofair.home.description')} />
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="lg" mb="xl">
        <FeatureCard
          to="/ofair/leads"
          icon={<IconClipboardList {...ICON} />}
          title={t('ofair.nav.leads')}
          description={t('ofair.home.cards.leads')}
        />
        <FeatureCard
          to="/ofair/referrals"
          icon={<IconArrowsExchange {...ICON} />}
          title={t('ofair.nav.referrals')}
          description={t('ofair.home.cards.referrals')}
        />
        <FeatureCard
          to="/ofair/request"
          icon={<IconFilePlus {...ICON} />}
          title={t('ofair.request.title')}
          description={t('ofair.home.cards.request')}
        />
      </SimpleGrid>
      <WelcomeBanner invitation={t('ofair.home.getStarted')} />
      <Text size="xs" c="dimmed" mt="xl">
        <Anchor href="https://www.geonames.org/" target="_blank" rel="noreferrer" size="xs">
          {t('ofair.home.geonames')}
        </Anchor>
      </Text>
    </>
  )
}
