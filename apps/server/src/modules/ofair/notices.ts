import { sql } from 'kysely'
import { defineConsumer, type EnvelopeOf } from '../../kernel/outbox/events.ts'
import { defineNoticeKinds, type Notice, notify } from '../notifications/index.ts'
import type { OfairDatabase, OfairTx } from './database.ts'
import { OFAIR_TEMPLATES } from './templates.ts'

/**
 * Who hears about what happens in OFAIR, in Hebrew. OFAIR decides (it knows leads, chains and
 * subscriptions); notifications delivers. Subscribers hear first about new leads that match them
 * (the seed's "priority notifications"); everyone else finds them on the board.
 */
// OFAIR's professionals work from their phones: text message and push by default, email too
const PRO = { sms: true, defaults: { push: true }, quietHours: true } as const

export const OFAIR_NOTICES = defineNoticeKinds('ofair', {
  'ofair_referral.offered': { label: 'הופנתה אליכם עבודה', audience: ['professional'], ...PRO },
  'ofair_referral.answered': { label: 'ענו להפניה ששלחתם', audience: ['professional'], ...PRO },
  'ofair_proposal.submitted': {
    label: 'הצעה חדשה לעבודה שפרסמתם',
    audience: ['consumer', 'professional'],
    ...PRO,
  },
  'ofair_proposal.decided': { label: 'התקבלה החלטה על הצעה ששלחתם', audience: ['professional'], ...PRO },
  'ofair_lead.matching': {
    label: 'עבודה חדשה באזור ובתחום שלכם (מנויים שומעים ראשונים)',
    audience: ['professional'],
    ...PRO,
  },
  'ofair_job.confirmed': { label: 'הלקוח אישר עבודה שביצעתם', audience: ['professional'], ...PRO },
  'ofair_review.requested': {
    label: 'בקשה לדרג בעל מקצוע אחרי שאישרתם עבודה',
    audience: ['consumer', 'professional'],
    quietHours: true,
  },
  'ofair_professional.reviewed': {
    label: 'הפרופיל המקצועי שלכם נבדק',
    audience: ['professional', 'consumer'],
    quietHours: true,
  },
  'ofair_marketing.news': {
    label: 'עדכונים ומבצעים מ-OFAIR (רק בהסכמה)',
    audience: ['professional', 'consumer'],
    marketing: true,
    quietHours: true,
  },
})

/** Non-subscribers hear about a matching new lead this much later than subscribers. */
export const LEAD_PRIORITY_DELAY_MINUTES = 30

type Handled =
  | 'ofair_referral.offered'
  | 'ofair_referral.accepted'
  | 'ofair_referral.rejected'
  | 'ofair_proposal.submitted'
  | 'ofair_proposal.accepted'
  | 'ofair_lead.published'
  | 'ofair_professional.reviewed'
  | 'ofair_job.confirmed'

async function userOf(tx: OfairTx, professionalId: string): Promise<string | undefined> {
  return (
    await tx
      .selectFrom('ofair.professionals')
      .select('user_id')
      .where('id', '=', professionalId)
      .executeTakeFirst()
  )?.user_id
}

async function titleOf(tx: OfairTx, leadId: string): Promise<string> {
  return (
    (await tx.selectFrom('ofair.leads').select('title').where('id', '=', leadId).executeTakeFirst())?.title ??
    ''
  )
}

async function noticesFor(tx: OfairTx, e: EnvelopeOf<Handled>): Promise<Notice[]> {
  const source = e.event_id
  switch (e.event) {
    case 'ofair_referral.offered': {
      const d = e.data
      const [to, from, title] = await Promise.all([
        userOf(tx, d.receiver_professional_id),
        tx
          .selectFrom('ofair.professionals')
          .select('display_name')
          .where('id', '=', d.referrer_professional_id)
          .executeTakeFirst(),
        titleOf(tx, d.lead_id),
      ])
      return to
        ? [
            {
              kind: 'ofair_referral.offered',
              userId: to,
              ...OFAIR_TEMPLATES.referralOffered({
                from: from?.display_name ?? 'בעל מקצוע',
                title,
                chainPercent: d.chain_total_bps / 100,
              }),
              link: '/ofair/referrals',
              sourceId: source,
            },
          ]
        : []
    }
    case 'ofair_referral.accepted':
    case 'ofair_referral.rejected': {
      const d = e.data
      const [to, who, title] = await Promise.all([
        userOf(tx, d.referrer_professional_id),
        tx
          .selectFrom('ofair.professionals')
          .select('display_name')
          .where('id', '=', d.receiver_professional_id)
          .executeTakeFirst(),
        titleOf(tx, d.lead_id),
      ])
      return to
        ? [
            {
              kind: 'ofair_referral.answered',
              userId: to,
              ...OFAIR_TEMPLATES.referralAnswered({
                who: who?.display_name ?? 'בעל מקצוע',
                accepted: e.event === 'ofair_referral.accepted',
                title,
              }),
              link: `/ofair/leads/${d.lead_id}`,
              sourceId: source,
            },
          ]
        : []
    }
    case 'ofair_proposal.submitted': {
      const d = e.data
      const lead = await tx
        .selectFrom('ofair.leads')
        .select(['title', 'created_by_user_id'])
        .where('id', '=', d.lead_id)
        .executeTakeFirst()
      if (!lead) return []
      return [
        {
          kind: 'ofair_proposal.submitted',
          userId: lead.created_by_user_id,
          ...OFAIR_TEMPLATES.proposalSubmitted({ title: lead.title, price: d.price }),
          link: `/ofair/leads/${d.lead_id}`,
          sourceId: source,
        },
      ]
    }
    case 'ofair_proposal.accepted': {
      const d = e.data
      const title = await titleOf(tx, d.lead_id)
      const winner = await userOf(tx, d.professional_id)
      const declined = d.declined_proposal_ids.length
        ? await tx
            .selectFrom('ofair.proposals as pr')
            .innerJoin('ofair.professionals as p', 'p.id', 'pr.professional_id')
            .select('p.user_id')
            .where('pr.id', 'in', d.declined_proposal_ids)
            .execute()
        : []
      return [
        ...(winner
          ? [
              {
                kind: 'ofair_proposal.decided',
                userId: winner,
                ...OFAIR_TEMPLATES.proposalAccepted({ title }),
                link: `/ofair/leads/${d.lead_id}`,
                sourceId: source,
              },
            ]
          : []),
        ...declined.map((p) => ({
          kind: 'ofair_proposal.decided',
          userId: p.user_id,
          ...OFAIR_TEMPLATES.proposalDeclined({ title }),
          link: '/ofair/offers',
          sourceId: source,
        })),
      ]
    }
    case 'ofair_lead.published': {
      const d = e.data
      // verified professionals whose category and area match, except the uploader (at most 500 a
      // lead): subscribers are told at once, the others after LEAD_PRIORITY_DELAY_MINUTES
      const rows = await sql<{ user_id: string; subscribed: boolean }>`
        select p.user_id, bool_or(s.id is not null) as subscribed from ofair.professionals p
          left join ofair.subscriptions s on s.professional_id = p.id and s.starts_at <= now() and s.ends_at > now()
          join ofair.localities base on base.id = p.base_locality_id
          join ofair.localities lead_loc on lead_loc.id = ${d.locality_id}
         where p.status = 'verified' and p.id is distinct from ${d.owner_professional_id}::uuid
           and (p.profession_category_id = ${d.category_id} or exists (
                 select 1 from ofair.professional_specialties sp join ofair.categories c on c.id = sp.category_id
                  where sp.professional_id = p.id and coalesce(c.parent_id, c.id) = ${d.category_id}))
           and (earth_distance(ll_to_earth(base.lat, base.lng), ll_to_earth(lead_loc.lat, lead_loc.lng)) <= p.service_radius_km * 1000
                or exists (select 1 from ofair.professional_service_areas a where a.professional_id = p.id and a.locality_id = ${d.locality_id}))
         group by p.user_id
         order by bool_or(s.id is not null) desc
         limit 500`.execute(tx)
      return rows.rows.map((r) => ({
        kind: 'ofair_lead.matching',
        userId: r.user_id,
        ...OFAIR_TEMPLATES.leadMatching({ title: d.title, subscriber: r.subscribed }),
        link: `/ofair/leads/${d.lead_id}`,
        sourceId: source,
        ...(r.subscribed ? {} : { delayMinutes: LEAD_PRIORITY_DELAY_MINUTES }),
      }))
    }
    case 'ofair_job.confirmed': {
      const d = e.data
      const [to, lead, performer] = await Promise.all([
        userOf(tx, d.performer_professional_id),
        tx
          .selectFrom('ofair.leads')
          .select(['title', 'created_by_user_id'])
          .where('id', '=', d.lead_id)
          .executeTakeFirst(),
        tx
          .selectFrom('ofair.professionals')
          .select('display_name')
          .where('id', '=', d.performer_professional_id)
          .executeTakeFirst(),
      ])
      const title = lead?.title ?? ''
      const out: Notice[] = []
      if (to)
        out.push({
          kind: 'ofair_job.confirmed',
          userId: to,
          ...OFAIR_TEMPLATES.jobConfirmed({
            title,
            finalAmount: d.final_amount,
            net: d.professional_net_amount,
            captured: d.settlement_mode === 'captured',
          }),
          link: '/ofair/wallet',
          sourceId: source,
        })
      // the owner who just confirmed is asked for a rating (the lead page holds the form)
      if (lead?.created_by_user_id)
        out.push({
          kind: 'ofair_review.requested',
          userId: lead.created_by_user_id,
          ...OFAIR_TEMPLATES.reviewRequested({ title, performer: performer?.display_name ?? '' }),
          link: `/ofair/leads/${d.lead_id}`,
          sourceId: source,
        })
      return out
    }
    case 'ofair_professional.reviewed':
      return [
        {
          kind: 'ofair_professional.reviewed',
          userId: e.data.user_id,
          ...OFAIR_TEMPLATES.professionalReviewed({ verified: e.data.decision === 'verified' }),
          link: '/ofair/profile',
          sourceId: source,
        },
      ]
  }
}

export const ofairNoticesConsumer = defineConsumer<Handled, OfairDatabase>({
  name: 'ofair.notify_people',
  description:
    'Tells OFAIR people about referrals, proposals, decisions, confirmed jobs and matching new leads (subscribers first)',
  events: [
    'ofair_referral.offered',
    'ofair_referral.accepted',
    'ofair_referral.rejected',
    'ofair_proposal.submitted',
    'ofair_proposal.accepted',
    'ofair_lead.published',
    'ofair_professional.reviewed',
    'ofair_job.confirmed',
  ],
  handle: async (tx, event, ctx) => ({
    notified: (await notify(ctx, tx, await noticesFor(tx, event))).inApp,
  }),
})
