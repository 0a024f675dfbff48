import { Avatar, Group, Menu, Skeleton, Text, UnstyledButton } from '@mantine/core'
import { IconChevronDown, IconLogout, IconStack2, IconUserCircle, IconUsers } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { useSession, useSignOut } from '../../features/auth/auth-api'
import { hasRole } from '../../lib/roles'
import { useMarketplace } from '../marketplace-context'
import { SignInButton } from './sign-in-button'
import classes from './user-menu.module.css'

const ICON = { size: 16, stroke: 1.6 }

/** The signed-in person's name and menu, or a sign-in button for visitors. */
export function UserMenu() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { id, homePath } = useMarketplace()
  const session = useSession()
  const signOut = useSignOut()

  if (session.isPending) return <Skeleton height={34} width={34} circle />
  const user = session.data?.signed_in ? session.data.user : undefined
  if (!user) return <SignInButton />

  const accountPath = id === 'ofair' ? '/ofair/account' : '/splits/account'
  const admin = id !== 'ofair' && hasRole(user, 'platform_admin')

  return (
    <Menu position="bottom-end" width={220} withinPortal>
      <Menu.Target>
        <UnstyledButton
          className={classes.target}
          aria-label={t('common.userMenu.label', { name: user.display_name })}
        >
          <Group gap={8} wrap="nowrap">
            <Avatar size={30} radius="xl" color="initials" name={user.display_name} />
            <Text size="sm" fw={500} visibleFrom="xs" className={classes.name}>
              {user.display_name}
            </Text>
            <IconChevronDown size={14} stroke={1.6} />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('common.userMenu.signedInAs', { name: user.display_name })}</Menu.Label>
        <Menu.Item component={Link} to={accountPath} leftSection={<IconUserCircle {...ICON} />}>
          {t('common.userMenu.account')}
        </Menu.Item>
        {admin && (
          <>
            <Menu.Item component={Link} to="/admin/users" leftSection={<IconUsers {...ICON} />}>
              {t('common.userMenu.adminUsers')}
            </Menu.Item>
            <Menu.Item component={Link} to="/admin/jobs" leftSection={<IconStack2 {...ICON} />}>
              {t('common.userMenu.adminJobs')}
            </Menu.Item>
          </>
        )}
        <Menu.Divider />
        <Menu.Item
          color="red"
          leftSection={<IconLogout {...ICON} />}
          onClick={() => signOut.mutate(undefined, { onSettled: () => navigate(homePath) })}
        >
          {t('common.userMenu.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  )
}
