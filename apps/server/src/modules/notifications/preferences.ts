import type { Transaction } from 'kysely'
import type { NotificationsSchema } from '../../kernel/db/schema/notifications.ts'
import { AppError } from '../../kernel/errors.ts'
import type { Role } from '../../kernel/http/access.ts'
import { CHANNELS, type Channel, isChannel, type NoticeKind, noticeKinds } from './kinds.ts'
import { DEFAULT_QUIET_HOURS, formatClock, parseClock, type QuietHours } from './quiet-hours.ts'

type Tx = Transaction<NotificationsSchema>

export interface PreferenceRow {
  user_id: string
  event_type: string
  in_app: boolean
  email: boolean
  sms: boolean | null
  whatsapp: boolean | null
  push: boolean | null
}

/** The channels a person gets a kind on: their choice where they made one, else the kind's default. */
export function effectiveChannels(
  kind: NoticeKind,
  row: Omit<PreferenceRow, 'user_id' | 'event_type'> | undefined,
) {
  const out = { ...kind.defaults }
  if (row) {
    out.in_app = row.in_app
    out.email = row.email
    if (row.sms !== null) out.sms = row.sms
    if (row.whatsapp !== null) out.whatsapp = row.whatsapp
    if (row.push !== null) out.push = row.push
  }
  return out
}

export async function getPreferences(tx: Tx, userId: string, roles: readonly Role[]) {
  const rows = await tx
    .selectFrom('notifications.preferences')
    .select(['event_type', 'in_app', 'email', 'sms', 'whatsapp', 'push'])
    .where('user_id', '=', userId)
    .execute()
  const byType = new Map(rows.map((r) => [r.event_type, r]))
  return noticeKinds(roles).map((k) => ({
    event_type: k.kind,
    label: k.label,
    marketing: k.marketing,
    ...effectiveChannels(k, byType.get(k.kind)),
  }))
}

export interface PreferenceInput {
  event_type: string
  in_app?: boolean | undefined
  email?: boolean | undefined
  channels?: Record<string, boolean> | undefined
}

/**
 * Saves choices per kind and channel. Every kind must be one that may reach the person and every
 * channel a known one; otherwise nothing is saved (400 naming the field). Channels not mentioned
 * keep their current value.
 */
export async function setPreferences(
  tx: Tx,
  userId: string,
  roles: readonly Role[],
  prefs: readonly PreferenceInput[],
  now: Date,
) {
  const mine = new Map(noticeKinds(roles).map((k) => [k.kind, k]))
  const changes: { kind: NoticeKind; set: Partial<Record<Channel, boolean>> }[] = []
  prefs.forEach((p, i) => {
    const kind = mine.get(p.event_type)
    if (!kind) {
      throw new AppError('unknown_notice_kind', `${p.event_type} is not a kind of notice that reaches you`, {
        errors: [
          { field: `preferences.${i}.event_type`, message: 'is not a kind of notice that reaches you' },
        ],
      })
    }
    const set: Partial<Record<Channel, boolean>> = {}
    if (p.in_app !== undefined) set.in_app = p.in_app
    if (p.email !== undefined) set.email = p.email
    for (const [channel, on] of Object.entries(p.channels ?? {})) {
      if (!isChannel(channel)) {
        throw new AppError('unknown_channel', `${channel} is not a channel (${CHANNELS.join(', ')})`, {
          errors: [{ field: `preferences.${i}.channels.${channel}`, message: 'is not a channel' }],
        })
      }
      set[channel] = on
    }
    changes.push({ kind, set })
  })
  if (changes.length === 0) return
  const current = await tx
    .selectFrom('notifications.preferences')
    .select(['event_type', 'in_app', 'email', 'sms', 'whatsapp', 'push'])
    .where('user_id', '=', userId)
    .where(
      'event_type',
      'in',
      changes.map((c) => c.kind.kind),
    )
    .execute()
  for (const { kind, set } of changes) {
    const merged = {
      ...effectiveChannels(
        kind,
        current.find((r) => r.event_type === kind.kind),
      ),
      ...set,
    }
    await tx
      .insertInto('notifications.preferences')
      .values({ user_id: userId, event_type: kind.kind, ...merged, updated_at: now })
      .onConflict((oc) => oc.columns(['user_id', 'event_type']).doUpdateSet({ ...merged, updated_at: now }))
      .execute()
  }
}

/** Quiet hours and marketing consent; defaults until the person saves (22:00-07:00, no marketing). */
export async function getSettings(tx: Tx, userId: string) {
  const row = await tx
    .selectFrom('notifications.settings')
    .selectAll()
    .where('user_id', '=', userId)
    .executeTakeFirst()
  return toSettings(row)
}

function toSettings(
  row:
    | {
        quiet_hours_enabled: boolean
        quiet_start_minute: number
        quiet_end_minute: number
        marketing_opt_in: boolean
        marketing_opt_in_at: Date | null
        marketing_opt_out_at: Date | null
      }
    | undefined,
) {
  const q = row ? quietHoursOf(row) : DEFAULT_QUIET_HOURS
  return {
    quiet_hours: {
      enabled: q.enabled,
      start: formatClock(q.startMinute),
      end: formatClock(q.endMinute),
      time_zone: 'Asia/Jerusalem',
    },
    marketing: {
      opted_in: row?.marketing_opt_in ?? false,
      opted_in_at: row?.marketing_opt_in_at ?? null,
      opted_out_at: row?.marketing_opt_out_at ?? null,
    },
  }
}

export function quietHoursOf(row: {
  quiet_hours_enabled: boolean
  quiet_start_minute: number
  quiet_end_minute: number
}): QuietHours {
  return {
    enabled: row.quiet_hours_enabled,
    startMinute: row.quiet_start_minute,
    endMinute: row.quiet_end_minute,
  }
}

export async function setSettings(
  tx: Tx,
  userId: string,
  input: {
    quiet_hours?: { enabled: boolean; start: string; end: string } | undefined
    marketing_opt_in?: boolean | undefined
  },
  now: Date,
) {
  const current = await tx
    .selectFrom('notifications.settings')
    .selectAll()
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirst()
  const set: Record<string, unknown> = { updated_at: now }
  if (input.quiet_hours) {
    if (input.quiet_hours.start === input.quiet_hours.end) {
      throw new AppError('validation_failed', 'Quiet hours must start and end at different times', {
        errors: [{ field: 'quiet_hours.end', message: 'must differ from the start' }],
      })
    }
    set.quiet_hours_enabled = input.quiet_hours.enabled
    set.quiet_start_minute = parseClock(input.quiet_hours.start)
    set.quiet_end_minute = parseClock(input.quiet_hours.end)
  }
  if (
    input.marketing_opt_in !== undefined &&
    input.marketing_opt_in !== (current?.marketing_opt_in ?? false)
  ) {
    set.marketing_opt_in = input.marketing_opt_in
    if (input.marketing_opt_in) set.marketing_opt_in_at = now
    else set.marketing_opt_out_at = now
  }
  await tx
    .insertInto('notifications.settings')
    .values({ user_id: userId, ...set })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(set))
    .execute()
  return getSettings(tx, userId)
}

/** The opt-out link: the token alone identifies the person (system step; the token is the secret). */
export async function unsubscribeByToken(tx: Tx, token: string, now: Date): Promise<void> {
  const row = await tx
    .updateTable('notifications.settings')
    .set((eb) => ({
      marketing_opt_out_at: eb
        .case()
        .when('marketing_opt_in', '=', true)
        .then(now)
        .else(eb.ref('marketing_opt_out_at'))
        .end(),
      marketing_opt_in: false,
      updated_at: now,
    }))
    .where('unsubscribe_token', '=', token)
    .returning('user_id')
    .executeTakeFirst()
  if (!row) throw new AppError('invalid_unsubscribe_token', 'No such unsubscribe link')
}

/** A person's opt-out token (created with their settings row). */
export async function unsubscribeTokenOf(tx: Tx, userId: string): Promise<string> {
  await tx
    .insertInto('notifications.settings')
    .values({ user_id: userId })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute()
  const row = await tx
    .selectFrom('notifications.settings')
    .select('unsubscribe_token')
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow()
  return row.unsubscribe_token
}
