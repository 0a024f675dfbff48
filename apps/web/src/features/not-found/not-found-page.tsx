import { Button, Container } from '@mantine/core'
import { IconCompass } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useMarketplace } from '../../app/marketplace-context'
import { usePageTitle } from '../../app/use-page-title'
import { EmptyState } from '../../components/empty-state'

/** Catch-all route; speaks the language of whichever marketplace scope it is mounted in. */
export function NotFoundPage() {
  const { t } = useTranslation()
  const { homePath } = useMarketplace()
  usePageTitle(t('common.notFound.title'))

  return (
    <Container size="sm" py={80}>
      <EmptyState
        icon={<IconCompass size={30} stroke={1.5} />}
        title={t('common.notFound.title')}
        description={t('common.notFound.description')}
      >
        <Button component={Link} to={homePath}>
          {t('common.backHome')}
        </Button>
      </EmptyState>
    </Container>
  )
}
