import { Button, Group, Paper, Text } from '@mantine/core'
import { IconLogin2, IconUserCircle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useMarketplace } from '../app/marketplace-context'
import { useSession } from '../features/auth/auth-api'

interface WelcomeBannerProps {
  /** Shown to visitors above the sign-in button. */
  invitation: string
}

/** The bottom of a marketplace home page: an invitation to sign in, or a greeting for the signed-in. */
export function WelcomeBanner({ invitation }: WelcomeBannerProps) {
  const { t } = useTranslation()
  const { id, signInPath } = useMarketplace()
  const session = useSession()
  if (session.isPending) return null
  const user = session.data?.signed_in ? session.data.user : undefined

  return (
    <Paper withBorder p="lg">
      <Group justify="space-between" gap="md">
        <Text>{user ? t('common.welcome.signedIn', { name: user.display_name }) : invitation}</Text>
        {user ? (
          <Button
            component={Link}
            to={id === 'ofair' ? '/ofair/account' : '/splits/account'}
            variant="light"
            leftSection={<IconUserCircle size={16} />}
          >
            {t('common.userMenu.account')}
          </Button>
        ) : (
          <Button component={Link} to={signInPath} leftSection={<IconLogin2 size={16} />}>
            {t('common.signInRequired.action')}
          </Button>
        )}
      </Group>
    </Paper>
  )
}
