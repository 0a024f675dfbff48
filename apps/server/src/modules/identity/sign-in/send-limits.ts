import type { AppConfig } from '../../../config/config.ts'
import { lockKey } from '../../../kernel/db/concurrency.ts'
import { rateLimited } from '../../../kernel/errors.ts'
import type { IdentityTx } from '../route.ts'
import type { Marketplace } from '../sessions/service.ts'
import { hebrew, waitText } from './messages.ts'

export interface SendLimit {
  seconds: number
  max: number
  label: 'minute' | 'hour' | 'day'
}

/** Per destination (the OFAIR seed's numbers): 1 a minute, 5 an hour, 10 a day, everywhere. */
export const DESTINATION_LIMITS: readonly SendLimit[] = [
  { seconds: 60, max: 1, label: 'minute' },
  { seconds: 3600, max: 5, label: 'hour' },
  { seconds: 86_400, max: 10, label: 'day' },
]

/**
 * Per client address: an abuse ceiling, not a per-person limit (an office shares one NAT
 * address). None in demo mode, where a visitor tries every persona from one browser.
 */
export function addressLimits(config: AppConfig): readonly SendLimit[] {
  if (config.demoMode) return []
  const { perHour, perDay } = config.auth.signInAddressLimits
  return [
    { seconds: 3600, max: perHour, label: 'hour' },
    { seconds: 86_400, max: perDay, label: 'day' },
  ]
}

/**
 * Refuses a send over any limit, naming how long to wait. Check and record are one step: the
 * destination's and then the address's lock are held (in that order, so two sends never wait on
 * each other in a cycle) until the caller's transaction, which records the new challenge, ends.
 */
export async function enforceSendLimits(
  tx: IdentityTx,
  input: {
    destination: string
    ip: string
    now: Date
    marketplace: Marketplace
    addressLimits: readonly SendLimit[]
  },
): Promise<void> {
  await lockKey(tx, `identity.sign_in.destination:${input.destination}`)
  const perDestination = await firstExceeded(
    tx,
    'destination',
    input.destination,
    DESTINATION_LIMITS,
    input.now,
  )
  if (perDestination) throw refusal('destination', perDestination, input.marketplace)
  if (input.addressLimits.length === 0) return
  await lockKey(tx, `identity.sign_in.address:${input.ip}`)
  const perAddress = await firstExceeded(tx, 'ip', input.ip, input.addressLimits, input.now)
  if (perAddress) throw refusal('address', perAddress, input.marketplace)
}

/**
 * The first limit already reached, with the seconds until it frees up: a window holding `max`
 * sends is full until its `max`-th newest send leaves it.
 */
async function firstExceeded(
  tx: IdentityTx,
  column: 'destination' | 'ip',
  value: string,
  limits: readonly SendLimit[],
  now: Date,
): Promise<{ limit: SendLimit; retryAfter: number } | undefined> {
  for (const limit of limits) {
    const since = new Date(now.getTime() - limit.seconds * 1000)
    const nth = await tx
      .selectFrom('identity.sign_in_challenges')
      .select('created_at')
      .where(column, '=', value)
      .where('created_at', '>', since)
      .orderBy('created_at', 'desc')
      .offset(limit.max - 1)
      .limit(1)
      .executeTakeFirst()
    if (nth) {
      const retryAfter = Math.ceil((nth.created_at.getTime() + limit.seconds * 1000 - now.getTime()) / 1000)
      return { limit, retryAfter: Math.max(1, retryAfter) }
    }
  }
  return undefined
}

function refusal(
  key: 'destination' | 'address',
  { limit, retryAfter }: { limit: SendLimit; retryAfter: number },
  marketplace: Marketplace,
) {
  const who = key === 'address' ? 'from this network address' : 'to this destination'
  const message = `At most ${limit.max} sign-in code(s) per ${limit.label} ${who}; try again in ${waitText(retryAfter, 'splits')}`
  // Say what happened: a busy network is not a problem with the person's number or address.
  const userMessage =
    marketplace === 'ofair'
      ? key === 'address'
        ? hebrew.addressRateLimited(waitText(retryAfter, 'ofair'))
        : hebrew.rateLimited(waitText(retryAfter, 'ofair'))
      : key === 'address'
        ? `Too many sign-in requests came from your network or device. Try again in ${waitText(retryAfter, 'splits')}.`
        : undefined
  return rateLimited(message, retryAfter, {
    meta: { limited_by: key },
    ...(userMessage ? { userMessage } : {}),
  })
}
