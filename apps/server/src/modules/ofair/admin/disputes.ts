import type { OfairCaller } from '../caller.ts'
import type { OfairTx } from '../database.ts'
import { refuse } from '../messages.ts'
import { shekels } from '../schemas.ts'
import { paymentView } from '../settlement/queries.ts'

/**
 * One dispute for the admin resolving it: the job, its amounts (the payment as admins see it),
 * both parties and what each said: the opener's reason, and the other side's answer once given.
 */
export async function disputeDetail(tx: OfairTx, caller: OfairCaller, id: string, now: Date) {
  const d = await tx
    .selectFrom('ofair.disputes as d')
    .innerJoin('ofair.lead_payments as p', 'p.id', 'd.lead_payment_id')
    .innerJoin('ofair.leads as l', 'l.id', 'p.lead_id')
    .innerJoin('ofair.categories as c', 'c.id', 'l.category_id')
    .innerJoin('ofair.localities as loc', 'loc.id', 'l.locality_id')
    .innerJoin('ofair.professionals as pr', 'pr.id', 'p.performer_professional_id')
    .leftJoin('identity.user_directory as owner', 'owner.id', 'l.created_by_user_id')
    .leftJoin('identity.user_directory as opener', 'opener.id', 'd.opened_by_user_id')
    .select([
      'd.id',
      'd.lead_payment_id',
      'd.opened_by_role',
      'd.opened_by_user_id',
      'opener.display_name as opener_name',
      'd.reason',
      'd.response',
      'd.responded_at',
      'd.status',
      'd.outcome',
      'd.refund_amount_minor',
      'd.resolution_note',
      'd.created_at',
      'd.resolved_at',
      'd.version',
      'p.final_amount_minor',
      'p.settlement_mode',
      'l.id as lead_id',
      'l.title as lead_title',
      'l.short_description',
      'l.status as lead_status',
      'c.name_he as category',
      'loc.name_he as locality',
      'l.created_by_user_id as owner_user_id',
      'owner.display_name as owner_name',
      'pr.user_id as performer_user_id',
      'pr.display_name as performer_name',
    ])
    .where('d.id', '=', id)
    .executeTakeFirst()
  if (!d) throw refuse('not_found', 'No such dispute')
  const payment = await paymentView(tx, caller, { id: d.lead_payment_id })
  const sides = [
    { side: 'owner' as const, user_id: d.owner_user_id, display_name: d.owner_name ?? '' },
    { side: 'performer' as const, user_id: d.performer_user_id, display_name: d.performer_name },
  ]
  return {
    id: d.id,
    status: d.status,
    outcome: d.outcome,
    refund_amount: shekels(d.refund_amount_minor),
    resolution_note: d.resolution_note,
    opened_by_role: d.opened_by_role,
    created_at: d.created_at.toISOString(),
    resolved_at: d.resolved_at?.toISOString() ?? null,
    age_days: Math.floor((now.getTime() - d.created_at.getTime()) / 86_400_000),
    lead: {
      id: d.lead_id,
      title: d.lead_title,
      short_description: d.short_description,
      status: d.lead_status,
      category: d.category,
      locality: d.locality,
    },
    parties: sides,
    statements: sides.map((s) =>
      s.side === d.opened_by_role
        ? { side: s.side, author: s.display_name, text: d.reason, at: d.created_at.toISOString() }
        : {
            side: s.side,
            author: s.display_name,
            text: d.response,
            at: d.responded_at?.toISOString() ?? null,
          },
    ),
    payment,
  }
}
