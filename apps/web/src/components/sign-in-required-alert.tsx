import { Alert, Button, Stack, Text } from '@mantine/core'
import { IconLock } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import type { ApiError } from '../api/client'
import { useMarketplace } from '../app/marketplace-context'

interface SignInRequiredAlertProps {
  /** The 401 or 403 that the API answered. */
  error: ApiError
  title: string
}

/** Replaces a screen whose API needs a session (401) or a role the user lacks (403). */
export function SignInRequiredAlert({ error, title }: SignInRequiredAlertProps) {
  const { t } = useTranslation()
  const { signInPath } = useMarketplace()
  const { pathname, search } = useLocation()
  // A missing session comes back here after signing in; a missing role may need another account.
  const next = `${signInPath}?next=${encodeURIComponent(pathname + search)}`

  return (
    <Alert variant="light" icon={<IconLock size={20} />} title={title}>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">
          {error.isForbidden
            ? t('common.signInRequired.forbidden')
            : t('common.signInRequired.unauthenticated')}
        </Text>
        <Button component={Link} to={next} size="sm">
          {t('common.signInRequired.action')}
        </Button>
      </Stack>
    </Alert>
  )
}
