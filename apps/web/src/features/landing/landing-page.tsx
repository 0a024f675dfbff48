import { Container, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { IconArrowsSplit2, IconTools } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { usePageTitle } from '../../app/use-page-title'
import { MarketplaceCard } from './marketplace-card'

export function LandingPage() {
  const { t, i18n } = useTranslation()
  // The OFAIR card speaks Hebrew even though this page is English.
  const he = i18n.getFixedT('he')
  usePageTitle(t('landing.pageTitle'))

  return (
    <Container size="md" py={{ base: 40, sm: 72 }}>
      <Stack gap="xs" ta="center" mb={48}>
        <Title order={1} fz={{ base: 32, sm: 44 }}>
          {t('landing.title')}
        </Title>
        <Text c="dimmed" size="lg" maw={560} mx="auto">
          {t('landing.subtitle')}
        </Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xl">
        <MarketplaceCard
          to="/splits"
          lang="en"
          color="indigo"
          icon={<IconArrowsSplit2 size={30} stroke={1.6} />}
          title={t('landing.splits.title')}
          language={t('landing.splits.language')}
          description={t('landing.splits.description')}
          enter={t('landing.splits.enter')}
        />
        <MarketplaceCard
          to="/ofair"
          lang="he"
          color="teal"
          icon={<IconTools size={30} stroke={1.6} />}
          title={he('ofair.landing.title')}
          language={he('ofair.landing.language')}
          description={he('ofair.landing.description')}
          enter={he('ofair.landing.enter')}
        />
      </SimpleGrid>
    </Container>
  )
}
