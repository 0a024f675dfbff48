import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, csrf } from '../../api/client'
import type { ResponseBody } from '../../api/types'
import { unwrap } from '../../api/use-api'
import type { Session } from '../../lib/roles'

export type SignedIn = ResponseBody<'/api/auth/verify', 'post'>
export type Challenge = { challenge_id: string; expires_at: string; sent_to: string }
export type DemoPersona = ResponseBody<'/api/dev/personas', 'get'>['data'][number]

export const authKeys = {
  all: ['auth'] as const,
  session: () => [...authKeys.all, 'session'] as const,
  personas: () => ['dev', 'personas'] as const,
}

const isSessionKey = (key: readonly unknown[]) => key[0] === 'auth' && key[1] === 'session'

/** Who is signed in. Public: an anonymous visitor gets { signed_in: false }, never an error. */
export function useSession() {
  return useQuery({
    queryKey: authKeys.session(),
    queryFn: async ({ signal }) => {
      const session = await unwrap(api.GET('/api/auth/session', { signal }))
      if (session.csrf_token) csrf.set(session.csrf_token)
      else if (!session.signed_in) csrf.clear()
      return session
    },
    staleTime: 5 * 60_000,
  })
}

/** The signed-in user, or undefined while loading or when anonymous. */
export function useCurrentUser() {
  const session = useSession()
  return session.data?.signed_in ? session.data.user : undefined
}

/** Data cached for the previous person must not leak into the next one's screens. */
function replaceSession(queryClient: QueryClient, session: Omit<Session, 'demo_mode'>): void {
  // Whether the server runs in demo mode does not change with who is signed in.
  const demoMode = queryClient.getQueryData<Session>(authKeys.session())?.demo_mode ?? false
  queryClient.setQueryData<Session>(authKeys.session(), { ...session, demo_mode: demoMode })
  queryClient.removeQueries({ predicate: (query) => !isSessionKey(query.queryKey) })
}

function useSignedIn() {
  const queryClient = useQueryClient()
  return (signedIn: SignedIn) => {
    csrf.set(signedIn.csrf_token)
    replaceSession(queryClient, {
      signed_in: true,
      user: signedIn.user,
      csrf_token: signedIn.csrf_token,
      via: 'session',
    })
  }
}

export function useStartEmail() {
  return useMutation({
    mutationFn: (email: string) => unwrap(api.POST('/api/auth/email/start', { body: { email } })),
  })
}

export function useStartPhone() {
  return useMutation({
    mutationFn: (phone: string) => unwrap(api.POST('/api/auth/phone/start', { body: { phone } })),
  })
}

export function useVerifyCode() {
  const onSignedIn = useSignedIn()
  return useMutation({
    mutationFn: (input: { challenge_id: string; code: string }) =>
      unwrap(api.POST('/api/auth/verify', { body: { ...input, session_delivery: 'cookie' } })),
    onSuccess: onSignedIn,
  })
}

export function useMagicLink() {
  const onSignedIn = useSignedIn()
  return useMutation({
    mutationFn: (token: string) =>
      unwrap(api.POST('/api/auth/magic-link', { body: { token, session_delivery: 'cookie' } })),
    onSuccess: onSignedIn,
  })
}

/** Ends the session; the local state is cleared even if the server already forgot it. */
export function useSignOut() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async () => {
      try {
        await api.POST('/api/auth/sign-out')
      } catch {
        // An expired or revoked session is signed out already.
      }
    },
    onSettled: () => {
      csrf.clear()
      replaceSession(queryClient, { signed_in: false })
    },
  })
}

/** Demo personas; the endpoint only exists in demo mode (404 otherwise), so absence means "no panel". */
export function useDemoPersonas() {
  return useQuery({
    queryKey: authKeys.personas(),
    queryFn: async ({ signal }) => {
      try {
        return (await unwrap(api.GET('/api/dev/personas', { signal }))).data
      } catch {
        return []
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
  })
}
