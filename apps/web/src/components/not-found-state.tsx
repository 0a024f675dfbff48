import { Button, Stack } from '@mantine/core'
import { IconCompass } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { ApiError } from '../api/client'
import { useMarketplace } from '../app/marketplace-context'
import { EmptyState } from './empty-state'
import { SupportInfo } from './support-info'

interface NotFoundStateProps {
  /** The API's answer, when the page asked for something that is not there (its code and request id are shown). */
  error?: ApiError | undefined
  backTo?: string | undefined
  backLabel?: string | undefined
}

/** "We could not find that": for a 404 or an address whose id is malformed, with a way back. */
export function NotFoundState({ error, backTo, backLabel }: NotFoundStateProps) {
  const { t } = useTranslation()
  const { homePath } = useMarketplace()
  return (
    <Stack gap="md" align="center" role="region" aria-label={t('common.notFound.itemTitle')}>
      <EmptyState
        icon={<IconCompass size={30} stroke={1.5} />}
        title={error ? t('common.notFound.itemTitle') : t('common.notFound.title')}
        description={error ? t('common.notFound.itemDescription') : t('common.notFound.description')}
      >
        {backTo && backLabel && (
          <Button component={Link} to={backTo}>
            {backLabel}
          </Button>
        )}
        <Button component={Link} to={homePath} variant={backTo ? 'default' : 'filled'}>
          {t('common.backHome')}
        </Button>
      </EmptyState>
      {error && <SupportInfo error={error} />}
    </Stack>
  )
}
