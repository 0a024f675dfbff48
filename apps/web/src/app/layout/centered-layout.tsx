import { Box, Center, Container } from '@mantine/core'
import { Outlet } from 'react-router'
import classes from './centered-layout.module.css'
import { TopBar } from './top-bar'

/** Minimal chrome for sign-in and similar single-card pages of either marketplace. */
export function CenteredLayout() {
  return (
    <Box className={classes.root}>
      <TopBar />
      <Center component="main" className={classes.main}>
        <Container size={440} w="100%" px="md">
          <Outlet />
        </Container>
      </Center>
    </Box>
  )
}
