import { Button, Container, Stack } from '@mantine/core'
import { IconBug } from '@tabler/icons-react'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useRouteError } from 'react-router'
import { EmptyState } from '../components/empty-state'

/** Last line of defence for render errors, instead of React Router's developer error screen. */
export function RouteErrorPage() {
  const { t } = useTranslation()
  const error = useRouteError()

  useEffect(() => {
    console.error(error)
  }, [error])

  return (
    <Container size="sm" py={80}>
      <Stack>
        <EmptyState
          icon={<IconBug size={30} stroke={1.5} />}
          title={t('common.routeError.title')}
          description={t('common.routeError.description')}
        >
          <Button onClick={() => window.location.reload()}>{t('common.routeError.reload')}</Button>
          <Button component="a" href="/" variant="default">
            {t('common.backHome')}
          </Button>
        </EmptyState>
      </Stack>
    </Container>
  )
}
