import { sql } from 'kysely'
import { appendAudit } from '../../../kernel/audit/audit.ts'
import { updatedOrConflict } from '../../../kernel/db/concurrency.ts'
import { asSystem } from '../../../kernel/db/transaction.ts'
import { normalizeIsraeliMobile, verifiedPhoneOf } from '../../identity/index.ts'
import { actingRole, lockLead, type OfairCaller, requireProfessional } from '../caller.ts'
import type { OfairTx } from '../database.ts'
import { emit } from '../events.ts'
import { requireOwnFiles } from '../files/service.ts'
import { refuse } from '../messages.ts'
import { requireCategory, requireLocality } from '../reference/queries.ts'
import { toBps } from '../schemas.ts'
import { settleOwnerCompletion } from '../settlement/service.ts'
import type { TLeadIn, TLeadUpdate } from './schemas.ts'

/** Commission terms fixed on each lead when it is published (seed 004; DESIGN §5). */
export const TERMS = {
  consumerCommissionBps: 1000,
  professionalCommissionBps: 500,
  maxShareBps: 9000,
  /** The least final amount of a referred job, so the performer keeps a viable amount (₪100). */
  minimumJobAmountMinor: 10_000n,
} as const

export function requireShare(bps: number, field: string): number {
  if (bps > TERMS.maxShareBps) {
    throw refuse('share_too_high', `${field}: ${bps / 100}% is above 90%`, {
      field,
      meta: { max_percentage: 90 },
    })
  }
  return bps
}

function requirePhone(raw: string, field: string): string {
  const phone = normalizeIsraeliMobile(raw)
  if (!phone) throw refuse('invalid_phone', `${field}: not a valid Israeli mobile number`, { field })
  return phone
}

async function requireVerified(tx: OfairTx, professionalId: string): Promise<void> {
  const row = await tx
    .selectFrom('ofair.professionals')
    .select('status')
    .where('id', '=', professionalId)
    .executeTakeFirst()
  if (row?.status !== 'verified')
    throw refuse('not_verified', 'Your professional profile is not verified yet')
}

async function isSubscriber(tx: OfairTx, professionalId: string, now: Date): Promise<boolean> {
  const row = await tx
    .selectFrom('ofair.subscriptions')
    .select('id')
    .where('professional_id', '=', professionalId)
    .where('starts_at', '<=', now)
    .where('ends_at', '>', now)
    .executeTakeFirst()
  return row !== undefined
}

/**
 * Publishes a lead. A consumer's request is published under the phone number they confirmed with a
 * one-time code (their sign-in); a professional's lead carries the client's details, an estimated
 * budget and the uploader's share (0-90%). The platform's commission rate and the minimum job amount
 * are fixed on the lead now, so later changes of configuration never change it.
 */
export async function createLead(
  tx: OfairTx,
  caller: OfairCaller,
  input: TLeadIn,
  now: Date,
): Promise<string> {
  await requireCategory(tx, input.category_id, input.subcategory_id)
  const locality = await requireLocality(tx, input.locality_id, 'body.locality_id')
  const address = `${input.street}, ${locality.name_he}`
  const base = {
    type: input.type,
    title: input.title,
    short_description: input.short_description,
    category_id: input.category_id,
    subcategory_id: input.subcategory_id ?? null,
    locality_id: locality.id,
    lat: locality.lat,
    lng: locality.lng,
    preferred_schedule: input.preferred_schedule ?? null,
    created_by_user_id: caller.userId,
    published_at: now,
    created_at: now,
    updated_at: now,
  }
  let id: string
  if (input.type === 'consumer') {
    if (!caller.isConsumer) throw refuse('forbidden', 'Only consumers post requests')
    const phone = await verifiedPhoneOf(tx, caller.userId)
    if (!phone) throw refuse('phone_not_verified', 'Confirm your phone number with a one-time code first')
    const min = input.budget_min?.amount ?? null
    const max = input.budget_max?.amount ?? null
    if (min !== null && max !== null && max < min) {
      throw refuse('validation_failed', 'body.budget_max: must not be below budget_min', {
        field: 'body.budget_max',
      })
    }
    id = (
      await tx
        .insertInto('ofair.leads')
        .values({
          ...base,
          budget_min_minor: min,
          budget_max_minor: max,
          platform_commission_bps: TERMS.consumerCommissionBps,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
    await tx
      .insertInto('ofair.consumer_leads')
      .values({
        lead_id: id,
        client_name: input.client_name,
        client_phone: phone,
        client_address: address,
        full_description: input.full_description,
      })
      .execute()
  } else {
    const professionalId = await requireProfessional(tx, caller)
    await requireVerified(tx, professionalId)
    const share = requireShare(toBps(input.referrer_share_percentage), 'body.referrer_share_percentage')
    const phone = requirePhone(input.client_phone, 'body.client_phone')
    await requireOwnFiles(tx, caller, input.attachment_ids, 'lead_attachment', 'body.attachment_ids')
    const budget = input.estimated_budget.amount
    if (budget <= 0n)
      throw refuse('validation_failed', 'body.estimated_budget: must be above zero', {
        field: 'body.estimated_budget',
      })
    id = (
      await tx
        .insertInto('ofair.leads')
        .values({
          ...base,
          budget_min_minor: budget,
          budget_max_minor: budget,
          created_by_professional_id: professionalId,
          referrer_share_bps: share,
          platform_commission_bps: TERMS.professionalCommissionBps,
          minimum_job_amount_minor: TERMS.minimumJobAmountMinor,
          priority: (await isSubscriber(tx, professionalId, now)) ? 1 : 0,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
    await tx
      .insertInto('ofair.professional_leads')
      .values({
        lead_id: id,
        client_name: input.client_name,
        client_phone: phone,
        client_address: address,
        estimated_budget_minor: budget,
        referrer_share_bps: share,
        client_notes: input.client_notes,
      })
      .execute()
    if (input.attachment_ids.length) {
      await tx
        .insertInto('ofair.lead_attachments')
        .values(input.attachment_ids.map((file_id, position) => ({ lead_id: id, file_id, position })))
        .execute()
    }
  }
  const lead = await tx
    .selectFrom('ofair.leads')
    .select(['created_by_professional_id', 'referrer_share_bps', 'platform_commission_bps', 'priority'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  await emit(tx, 'ofair_lead.published', id, {
    lead_id: id,
    type: input.type,
    title: input.title,
    category_id: input.category_id,
    subcategory_id: input.subcategory_id ?? null,
    locality_id: locality.id,
    owner_user_id: caller.userId,
    owner_professional_id: lead.created_by_professional_id,
    referrer_share_bps: lead.referrer_share_bps,
    platform_commission_bps: lead.platform_commission_bps,
    priority: lead.priority,
  })
  return id
}

/** The lead, locked, if the caller owns it (404 if they cannot see it, 403 if they only can see it). */
export async function lockOwnedLead(tx: OfairTx, caller: OfairCaller, id: string) {
  const seen = await tx
    .selectFrom('ofair.leads')
    .select('created_by_user_id')
    .where('id', '=', id)
    .executeTakeFirst()
  if (!seen) throw refuse('not_found', 'No such lead')
  if (seen.created_by_user_id !== caller.userId)
    throw refuse('forbidden', 'Only the lead’s owner may change it')
  await lockLead(tx, id)
  return tx.selectFrom('ofair.leads').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
}

/**
 * The owner changes an open lead. Its commission terms (the uploader's share) are fixed once it has
 * referrals or proposals: those were offered on them.
 */
export async function updateLead(
  tx: OfairTx,
  caller: OfairCaller,
  id: string,
  input: TLeadUpdate,
  now: Date,
) {
  const lead = await lockOwnedLead(tx, caller, id)
  if (lead.status !== 'active') throw refuse('lead_not_open', `The lead is ${lead.status}`)
  const changes: Record<string, unknown> = {}
  const set: Record<string, unknown> = {}
  for (const key of ['title', 'short_description', 'preferred_schedule'] as const) {
    if (input[key] !== undefined) set[key] = changes[key] = input[key]
  }
  const categoryId = input.category_id ?? lead.category_id
  const subcategoryId =
    input.subcategory_id === undefined
      ? input.category_id
        ? null
        : lead.subcategory_id
      : input.subcategory_id
  if (input.category_id !== undefined || input.subcategory_id !== undefined) {
    await requireCategory(tx, categoryId, subcategoryId)
    set.category_id = changes.category_id = categoryId
    set.subcategory_id = changes.subcategory_id = subcategoryId
  }
  let localityName: string | undefined
  if (input.locality_id !== undefined) {
    const loc = await requireLocality(tx, input.locality_id, 'body.locality_id')
    Object.assign(set, { locality_id: loc.id, lat: loc.lat, lng: loc.lng })
    changes.locality_id = loc.id
    localityName = loc.name_he
  }
  const isPro = lead.type === 'professional_referral'
  if (!isPro && (input.budget_min !== undefined || input.budget_max !== undefined)) {
    const min = input.budget_min === undefined ? lead.budget_min_minor : (input.budget_min?.amount ?? null)
    const max = input.budget_max === undefined ? lead.budget_max_minor : (input.budget_max?.amount ?? null)
    if (min !== null && max !== null && max < min) {
      throw refuse('validation_failed', 'body.budget_max: must not be below budget_min', {
        field: 'body.budget_max',
      })
    }
    set.budget_min_minor = min
    set.budget_max_minor = max
    changes.budget = { min: min?.toString() ?? null, max: max?.toString() ?? null }
  }
  if (isPro && input.estimated_budget) {
    set.budget_min_minor = set.budget_max_minor = input.estimated_budget.amount
    changes.estimated_budget = input.estimated_budget.amount.toString()
  }
  if (isPro && input.referrer_share_percentage !== undefined) {
    const share = requireShare(toBps(input.referrer_share_percentage), 'body.referrer_share_percentage')
    if (share !== lead.referrer_share_bps) {
      const used = await sql<{
        n: number
      }>`select (select count(*) from ofair.referrals where lead_id = ${id})
          + (select count(*) from ofair.proposals where lead_id = ${id}) as n`.execute(tx)
      if (Number(used.rows[0]?.n ?? 0) > 0)
        throw refuse('terms_locked', 'The lead already has referrals or proposals')
      set.referrer_share_bps = share
      changes.referrer_share_percentage = share / 100
    }
  }
  updatedOrConflict(
    await tx
      .updateTable('ofair.leads')
      .set({ ...set, updated_at: now, version: lead.version + 1 })
      .where('id', '=', id)
      .where('version', '=', input.version)
      .returning('id')
      .executeTakeFirst(),
    'The lead',
    input.version,
  )
  // the private part
  const subtype = isPro ? 'ofair.professional_leads' : 'ofair.consumer_leads'
  const current = isPro
    ? await tx
        .selectFrom('ofair.professional_leads')
        .select('client_address')
        .where('lead_id', '=', id)
        .executeTakeFirstOrThrow()
    : await tx
        .selectFrom('ofair.consumer_leads')
        .select('client_address')
        .where('lead_id', '=', id)
        .executeTakeFirstOrThrow()
  const priv: Record<string, unknown> = {}
  if (input.client_name !== undefined) priv.client_name = input.client_name
  if (input.street !== undefined || localityName) {
    const [oldStreet, oldLocality] = splitAddress(current.client_address)
    priv.client_address = `${input.street ?? oldStreet}, ${localityName ?? oldLocality}`
  }
  if (isPro) {
    if (input.client_phone !== undefined)
      priv.client_phone = requirePhone(input.client_phone, 'body.client_phone')
    if (input.client_notes !== undefined) priv.client_notes = input.client_notes
    if (input.estimated_budget) priv.estimated_budget_minor = input.estimated_budget.amount
    if (set.referrer_share_bps !== undefined) priv.referrer_share_bps = set.referrer_share_bps
  } else if (input.full_description !== undefined) priv.full_description = input.full_description
  if (Object.keys(priv).length) {
    await tx
      .updateTable(subtype as 'ofair.consumer_leads')
      .set(priv)
      .where('lead_id', '=', id)
      .execute()
    if (priv.client_name || priv.client_phone || priv.client_address) changes.client_details = 'changed'
  }
  await emit(tx, 'ofair_lead.updated', id, { lead_id: id, changes })
}

function splitAddress(address: string): [string, string] {
  const at = address.lastIndexOf(', ')
  return at < 0 ? [address, ''] : [address.slice(0, at), address.slice(at + 2)]
}

/** Closes what a closing lead leaves open: pending proposals and offers (as the system: not all are the caller's rows). */
async function closeOpenParts(tx: OfairTx, id: string, now: Date) {
  await asSystem(tx, 'ofair.lead_closed', () => closeAsSystem(tx, id, now))
}

async function closeAsSystem(tx: OfairTx, id: string, now: Date) {
  await tx
    .updateTable('ofair.proposals')
    .set({ status: 'rejected', rejected_reason: 'lead_closed', decided_at: now, updated_at: now })
    .where('lead_id', '=', id)
    .where('status', '=', 'pending')
    .execute()
  await tx
    .updateTable('ofair.referrals')
    .set({ status: 'rejected', closed_reason: 'lead_closed', rejected_at: now })
    .where('lead_id', '=', id)
    .where('status', '=', 'pending')
    .execute()
}

/** The owner withdraws the lead (open, or accepted but not done). */
export async function cancelLead(
  tx: OfairTx,
  caller: OfairCaller,
  id: string,
  version: number | undefined,
  now: Date,
) {
  const lead = await lockOwnedLead(tx, caller, id)
  if (lead.status === 'closed') throw refuse('lead_not_open', 'The lead is closed already')
  if (version !== undefined && version !== lead.version)
    throw refuse('version_conflict', 'The lead changed since it was loaded')
  await closeOpenParts(tx, id, now)
  await tx
    .updateTable('ofair.leads')
    .set({
      status: 'closed',
      close_reason: 'cancelled',
      closed_at: now,
      updated_at: now,
      version: lead.version + 1,
    })
    .where('id', '=', id)
    .execute()
  await emit(tx, 'ofair_lead.closed', id, {
    lead_id: id,
    reason: 'cancelled',
    final_amount: null,
    performer_professional_id: null,
  })
}

/**
 * The owner marks the accepted job done with its final amount (at least the minimum of a referred
 * job). The referrals that brought the lead to the performer complete: each level's recorded share
 * is what it earns when the next issue settles the commission.
 */
export async function completeLead(
  tx: OfairTx,
  caller: OfairCaller,
  id: string,
  finalAmount: bigint,
  now: Date,
) {
  const lead = await lockOwnedLead(tx, caller, id)
  if (lead.status !== 'pending' || !lead.accepted_proposal_id) {
    throw refuse('lead_not_open', 'Only a lead with an accepted proposal can be completed')
  }
  if (finalAmount < lead.minimum_job_amount_minor) {
    throw refuse(
      'amount_below_minimum',
      `body.final_amount: below the minimum of ${lead.minimum_job_amount_minor} agorot`,
      {
        field: 'body.final_amount',
        meta: { minimum: { amount: lead.minimum_job_amount_minor.toString(), currency: 'ILS' } },
      },
    )
  }
  const winner = await tx
    .selectFrom('ofair.proposals')
    .select('professional_id')
    .where('id', '=', lead.accepted_proposal_id)
    .executeTakeFirstOrThrow()
  await closeOpenParts(tx, id, now)
  await sql`
    with recursive chain as (
      select r.id, r.parent_referral_id from ofair.referrals r
       where r.lead_id = ${id} and r.receiver_professional_id = ${winner.professional_id} and r.status = 'accepted'
      union all
      select r.id, r.parent_referral_id from ofair.referrals r join chain c on r.id = c.parent_referral_id)
    update ofair.referrals set status = 'completed', completed_at = ${now}, version = version + 1
     where id in (select id from chain) and status = 'accepted'`.execute(tx)
  await tx
    .updateTable('ofair.leads')
    .set({
      status: 'closed',
      close_reason: 'completed',
      final_amount_minor: finalAmount,
      closed_at: now,
      updated_at: now,
      version: lead.version + 1,
    })
    .where('id', '=', id)
    .execute()
  await emit(tx, 'ofair_lead.closed', id, {
    lead_id: id,
    reason: 'completed',
    final_amount: finalAmount.toString(),
    performer_professional_id: winner.professional_id,
  })
  // OFAIR II: the job's payment, confirmed by the owner's own completion (and booked in B2B mode)
  await settleOwnerCompletion(tx, caller, id, now)
}

/** Moderation: an admin takes a lead down (audited, with the reason). */
export async function removeLead(tx: OfairTx, caller: OfairCaller, id: string, note: string, now: Date) {
  await lockLead(tx, id)
  const lead = await tx.selectFrom('ofair.leads').selectAll().where('id', '=', id).executeTakeFirst()
  if (!lead) throw refuse('not_found', 'No such lead')
  if (lead.status === 'closed') throw refuse('lead_not_open', 'The lead is closed already')
  await closeOpenParts(tx, id, now)
  await tx
    .updateTable('ofair.leads')
    .set({
      status: 'closed',
      close_reason: 'removed',
      moderation_note: note,
      closed_at: now,
      updated_at: now,
      version: lead.version + 1,
    })
    .where('id', '=', id)
    .execute()
  await appendAudit(tx, {
    action: 'ofair.lead_removed',
    entityType: 'ofair_lead',
    entityId: id,
    before: { status: lead.status },
    after: { status: 'closed', close_reason: 'removed', note },
    actorRole: actingRole(caller),
  })
  await emit(tx, 'ofair_lead.closed', id, {
    lead_id: id,
    reason: 'removed',
    final_amount: null,
    performer_professional_id: null,
  })
}

/**
 * The client's name, phone and address, for the lead's owner, the professional they were revealed
 * to, and admins: read as the caller (row-level security decides) through the database function
 * that logs each read. Anyone else who can see the lead gets 403 and nothing is logged; someone who
 * cannot see it gets 404.
 */
export async function readClientDetails(
  tx: OfairTx,
  _caller: OfairCaller,
  id: string,
  request: { ip: string; userAgent: string | undefined },
) {
  const row = (
    await sql<{ client_name: string; client_phone: string; client_address: string; accessor_role: string }>`
      select * from ofair.read_client_details(${id}::uuid, ${request.ip}::inet, ${request.userAgent ?? null})`.execute(
      tx,
    )
  ).rows[0]
  if (row) {
    return {
      lead_id: id,
      client_name: row.client_name,
      client_phone: row.client_phone,
      client_address: row.client_address,
      seen_as: row.accessor_role as 'owner' | 'winner' | 'admin',
    }
  }
  const visible = await tx.selectFrom('ofair.leads').select('id').where('id', '=', id).executeTakeFirst()
  if (!visible) throw refuse('not_found', 'No such lead')
  throw refuse(
    'forbidden',
    'Only the lead’s owner and the professional whose proposal was accepted see the client’s details',
  )
}
