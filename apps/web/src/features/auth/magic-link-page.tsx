import { Alert, Button, Stack, Text } from '@mantine/core'
import { IconAlertTriangle, IconLogin2 } from '@tabler/icons-react'
import type { TFunction } from 'i18next'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { ApiError } from '../../api/client'
import { MARKETPLACES } from '../../app/marketplaces'
import { usePageTitle } from '../../app/use-page-title'
import { useCurrentUser, useMagicLink } from './auth-api'
import { SignInCard } from './sign-in-card'
import { signInErrorMessage } from './sign-in-error'

/** The token travels in the URL fragment, which browsers never send to the server. */
function tokenFromFragment(): string | null {
  return new URLSearchParams(window.location.hash.slice(1)).get('token')
}

function linkErrorMessage(err: unknown, t: TFunction): string {
  if (err instanceof ApiError && err.code === 'code_invalid') return t('splits.magicLink.invalid')
  if (err instanceof ApiError && err.code === 'code_expired') return t('splits.magicLink.expired')
  return signInErrorMessage(err, t)
}

/**
 * The page an emailed magic link opens. Mail scanners fetch links, so loading it does nothing: only
 * the person's click on Continue spends the link.
 */
export function MagicLinkPage() {
  const { t } = useTranslation()
  usePageTitle(t('splits.magicLink.pageTitle'))
  const navigate = useNavigate()
  const [token] = useState(tokenFromFragment)
  const current = useCurrentUser()
  const consume = useMagicLink()

  const signIn = () => {
    if (!token) return
    consume.mutate(token, {
      onSuccess: (signedIn) => navigate(MARKETPLACES[signedIn.marketplace].homePath, { replace: true }),
    })
  }

  return (
    <SignInCard title={t('splits.magicLink.title')} subtitle={t('splits.magicLink.subtitle')}>
      <Stack>
        {!token && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert">
            {t('splits.magicLink.missing')}
          </Alert>
        )}
        {token && current && (
          <Text size="sm" c="dimmed">
            {t('splits.magicLink.replaces', { name: current.display_name })}
          </Text>
        )}
        {consume.isError && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert">
            {linkErrorMessage(consume.error, t)}
          </Alert>
        )}
        {token && !consume.isError && (
          <Button
            size="md"
            fullWidth
            leftSection={<IconLogin2 size={18} />}
            loading={consume.isPending || consume.isSuccess}
            onClick={signIn}
          >
            {t('splits.magicLink.continue')}
          </Button>
        )}
        {(!token || consume.isError) && (
          <Button component={Link} to="/sign-in" variant={token ? 'filled' : 'light'} fullWidth>
            {t('splits.magicLink.requestNew')}
          </Button>
        )}
      </Stack>
    </SignInCard>
  )
}
