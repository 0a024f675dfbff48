import { useMatches } from '@mantine/core'

/** Below Mantine's `sm` breakpoint (48em, phones): wide tables give way to cards. */
export function useIsPhone(): boolean {
  // Read the media query on the first render, so a desktop never flashes the phone layout.
  return useMatches({ base: true, sm: false }, { getInitialValueInEffect: false })
}
