import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import { IconLock } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import type { ApiError } from '../api/client'
import { useMarketplace } from '../app/marketplace-context'
import { useCurrentUser } from '../features/auth/auth-api'

interface SignInRequiredAlertProps {
  /** The 401 or 403 that the API answered. */
  error: ApiError
  /** What to sign in for, e.g. "Sign in to see roles" (for a visitor or an expired session). */
  title: string
}

/**
 * Replaces a screen whose API needs a session (401) or a role the user lacks (403). A signed-in
 * person without the role is not asked to "sign in": they are told the page is not for their
 * account and offered their home (or another account).
 */
export function SignInRequiredAlert({ error, title }: SignInRequiredAlertProps) {
  const { t } = useTranslation()
  const { signInPath, homePath } = useMarketplace()
  const { pathname, search } = useLocation()
  const user = useCurrentUser()
  // A missing session comes back here after signing in; a missing role may need another account.
  const next = `${signInPath}?next=${encodeURIComponent(pathname + search)}`
  const forbidden = error.isForbidden && user !== undefined

  return (
    <Alert
      variant="light"
      icon={<IconLock size={20} />}
      title={forbidden ? t('common.signInRequired.forbiddenTitle') : title}
    >
      <Stack gap="sm" align="flex-start">
        <Text size="sm">
          {error.isForbidden
            ? t('common.signInRequired.forbidden')
            : t('common.signInRequired.unauthenticated')}
        </Text>
        {forbidden ? (
          <Group gap="sm">
            <Button component={Link} to={homePath} size="sm">
              {t('common.signInRequired.home')}
            </Button>
            <Button component={Link} to={next} size="sm" variant="default">
              {t('common.signInRequired.switchAccount')}
            </Button>
          </Group>
        ) : (
          <Button component={Link} to={next} size="sm">
            {t('common.signInRequired.action')}
          </Button>
        )}
      </Stack>
    </Alert>
  )
}
