import { Group } from '@mantine/core'
import { ColorSchemeToggle } from '../../components/color-scheme-toggle'
import { Brand } from './brand'

/** Brand and colour-scheme toggle for pages without the full app shell. */
export function TopBar() {
  return (
    <Group component="header" justify="space-between" px="md" h={60} wrap="nowrap">
      <Brand />
      <ColorSchemeToggle />
    </Group>
  )
}
