import { useMemo } from 'react'
import { type Viewer, viewerOf } from '../../lib/viewer'
import { useCurrentUser } from './auth-api'

/** The signed-in person's Splits Network roles, for choosing what a screen shows. */
export function useViewer(): Viewer {
  const user = useCurrentUser()
  return useMemo(() => viewerOf(user), [user])
}
