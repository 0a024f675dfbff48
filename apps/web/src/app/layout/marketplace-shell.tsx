import { AppShell, Badge, Burger, Container, Group, NavLink, ScrollArea, Text } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { type ReactNode, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Outlet, useLocation, useMatch } from 'react-router'
import { ColorSchemeToggle } from '../../components/color-scheme-toggle'
import { Brand } from './brand'
import type { NavItem, NavSection } from './nav-sections'
import { UserMenu } from './user-menu'

interface MarketplaceShellProps {
  nav: NavSection[]
  /** Extra top-bar controls before the colour-scheme toggle (e.g. the notifications bell). */
  headerExtra?: ReactNode
}

/** Header, navbar (a burger drawer below the sm breakpoint) and page area shared by both marketplaces. */
export function MarketplaceShell({ nav, headerExtra }: MarketplaceShellProps) {
  const { t } = useTranslation()
  const [opened, { toggle, close }] = useDisclosure(false)
  const { pathname } = useLocation()

  // Following a link on a phone should reveal the page, not leave the menu over it.
  useEffect(() => {
    if (pathname) close()
  }, [pathname, close])

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'md', sm: 'xl' }}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('common.navigation.toggle')}
            />
            <Brand />
          </Group>
          <Group gap={8} wrap="nowrap">
            {headerExtra}
            <ColorSchemeToggle />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" aria-label={t('common.navigation.main')}>
        <AppShell.Section grow component={ScrollArea}>
          {nav.map((section, index) => (
            <div key={section.label ?? index}>
              {section.label && (
                <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mt="md" mb={4}>
                  {section.label}
                </Text>
              )}
              {section.items.map((item) => (
                <ShellNavLink key={item.to} item={item} />
              ))}
            </div>
          ))}
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main>
        <Container size="lg" px={0}>
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  )
}

function ShellNavLink({ item }: { item: NavItem }) {
  const active = useMatch({ path: item.to, end: item.end ?? false }) !== null
  return (
    <NavLink
      component={Link}
      to={item.to}
      label={item.label}
      leftSection={item.icon}
      rightSection={
        item.badge ? (
          <Badge size="sm" color="red" circle data-testid="nav-badge">
            {item.badge}
          </Badge>
        ) : undefined
      }
      active={active}
      aria-current={active ? 'page' : undefined}
      variant="light"
      style={{ borderRadius: 'var(--mantine-radius-md)' }}
    />
  )
}
