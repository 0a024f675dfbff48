import type { UseMutationResult } from '@tanstack/react-query'
import { useCallback, useState } from 'react'
import type { Challenge } from './auth-api'
import { retryAfterSeconds } from './sign-in-error'
import { useCountdown } from './use-countdown'

/** The server sends at most one code a minute per destination and per network address. */
const RESEND_COOLDOWN_SECONDS = 60

export interface SignInFlow {
  /** Set once a code has been sent: the page shows the code step. */
  challenge: Challenge | null
  /** Seconds until another code may be requested. */
  cooldown: number
  sending: boolean
  sendError: Error | null
  send: (destination: string, onSent?: () => void) => void
  resend: (onSent?: () => void) => void
  /** Back to the first step. */
  reset: () => void
}

/** Step one of a passwordless sign-in (send a code), shared by the email and the phone pages. */
export function useSignInFlow(start: UseMutationResult<Challenge, Error, string>): SignInFlow {
  const [destination, setDestination] = useState('')
  const [challenge, setChallenge] = useState<Challenge | null>(null)
  const [cooldown, startCooldown] = useCountdown()
  const { mutate, reset: resetMutation } = start

  const send = useCallback(
    (to: string, onSent?: () => void) =>
      mutate(to, {
        onSuccess: (sent) => {
          setDestination(to)
          setChallenge(sent)
          startCooldown(RESEND_COOLDOWN_SECONDS)
          onSent?.()
        },
        onError: (err) => {
          const wait = retryAfterSeconds(err)
          if (wait !== undefined) startCooldown(wait)
        },
      }),
    [mutate, startCooldown],
  )

  return {
    challenge,
    cooldown,
    sending: start.isPending,
    sendError: start.error,
    send,
    resend: (onSent) => send(destination, onSent),
    reset: () => {
      setChallenge(null)
      resetMutation()
    },
  }
}
