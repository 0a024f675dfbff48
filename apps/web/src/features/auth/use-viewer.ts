import { useMemo } from 'react'
import { type Viewer, viewerOf } from '../../lib/viewer'
import { useSession } from './auth-api'

/** The signed-in person's Splits Network roles, for choosing what a screen shows. */
export function useViewer(): Viewer {
  const session = useSession()
  const user = session.data?.signed_in ? session.data.user : undefined
  const known = !session.isPending
  return useMemo(() => viewerOf(user, known), [user, known])
}
