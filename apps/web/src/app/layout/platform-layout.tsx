import { Box } from '@mantine/core'
import { Outlet } from 'react-router'
import { TopBar } from './top-bar'

/** Pages outside both marketplaces: the landing page and the top-level 404. */
export function PlatformLayout() {
  return (
    <Box mih="100dvh">
      <TopBar />
      <Box component="main">
        <Outlet />
      </Box>
    </Box>
  )
}
