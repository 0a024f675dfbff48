import { ActionIcon, Button } from '@mantine/core'
import { IconLogin2 } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useMarketplace } from '../marketplace-context'

/** The top bar's sign-in link for visitors: a button, or an icon on narrow screens. */
export function SignInButton() {
  const { t } = useTranslation()
  const { id, signInPath } = useMarketplace()
  const label = id === 'ofair' ? t('ofair.signInLink') : t('splits.signInLink')

  return (
    <>
      <Button
        component={Link}
        to={signInPath}
        variant="light"
        leftSection={<IconLogin2 size={16} />}
        visibleFrom="xs"
      >
        {label}
      </Button>
      <ActionIcon
        component={Link}
        to={signInPath}
        variant="light"
        size="lg"
        aria-label={label}
        hiddenFrom="xs"
      >
        <IconLogin2 size={18} />
      </ActionIcon>
    </>
  )
}
