import { sql } from 'kysely'
import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import type { SeedStep } from '../../../kernel/module.ts'
import type { OfairDatabase } from '../database.ts'

/**
 * Demo data of OFAIR III: most confirmed demo jobs get their owner's review (ratings mostly 4-5,
 * some with the professional's reply, one hidden by an admin for its language), every
 * professional's rating is recomputed from the visible reviews, and every accepted proposal has
 * its project — the ones still in progress with three milestones and a status update. Set-based
 * SQL in one transaction as the system; choices follow the ids' bytes, so the data is the same on
 * every run. Safe to run again: jobs with a review and proposals with a project are skipped.
 */
const REVIEW_TEXTS = [
  'הגיע בזמן, עבד נקי והסביר כל שלב. ממליצה בחום.',
  'מקצוען אמיתי. המחיר היה הוגן והעבודה נעשתה ביום אחד.',
  'עבודה טובה, היה עיכוב קטן בהגעה אבל עדכן מראש.',
  'שירות מצוין ויחס אדיב. אזמין שוב.',
  'התוצאה בסדר, אבל לקח יותר זמן ממה שסוכם.',
  'פתר תקלה ששני בעלי מקצוע אחרים לא הצליחו לפתור.',
  '',
]
const REPLIES = ['תודה רבה! שמחתי לעזור.', 'תודה על המילים החמות, נשמח לעמוד לשירותך שוב.']

export const demoReviewsSeed: SeedStep = {
  name: 'ofair.demo_reviews',
  version: 1,
  description: 'OFAIR demo reviews (ratings, replies, one hidden) and projects with milestones',
  after: ['ofair.demo_settlement'],
  async run(ctx) {
    const started = performance.now()
    return inTransaction<Record<string, unknown>, OfairDatabase>(ctx.db, systemActor('seed'), async (tx) => {
      await sql`select pg_advisory_xact_lock(hashtextextended('seed:ofair.demo_reviews', 0))`.execute(tx)
      const reviews = await sql<{ n: number }>`
        with jobs as (
          select lp.id as payment_id, lp.lead_id, lp.performer_professional_id, lp.confirmed_at,
                 l.created_by_user_id, loc.name_he as city, u.display_name,
                 get_byte(uuid_send(lp.id), 15) as b
            from ofair.lead_payments lp
            join ofair.leads l on l.id = lp.lead_id
            join ofair.localities loc on loc.id = l.locality_id
            join identity.user_directory u on u.id = l.created_by_user_id
           where lp.status in ('confirmed', 'paid', 'released')
             and not exists (select 1 from ofair.professional_reviews r where r.lead_payment_id = lp.id)
        ), picked as (
          select *, case when b % 20 < 11 then 5 when b % 20 < 17 then 4 when b % 20 < 19 then 3 else 2 end as rating
            from jobs where b % 4 <> 0
        ), inserted as (
          insert into ofair.professional_reviews
            (professional_id, lead_payment_id, lead_id, reviewer_user_id, rating, body, reviewer_display,
             reply_body, replied_at, created_at, updated_at)
          select performer_professional_id, payment_id, lead_id, created_by_user_id, rating,
                 (${REVIEW_TEXTS}::text[])[1 + (b / 4) % ${REVIEW_TEXTS.length}],
                 left(coalesce(nullif(split_part(btrim(display_name), ' ', 1), ''), 'לקוח/ה') || ' · ' || city, 80),
                 case when b % 3 = 0 then (${REPLIES}::text[])[1 + b % 2] end,
                 case when b % 3 = 0 then confirmed_at + interval '2 days' end,
                 confirmed_at + interval '1 day', confirmed_at + interval '1 day'
            from picked
          returning id
        )
        select count(*)::int as n from inserted`.execute(tx)
      // one review an admin hid for its language (it does not count in the rating)
      const hidden = await sql<{ id: string }>`
        update ofair.professional_reviews
           set body = 'שירות גרוע!!! לא להזמין את הנוכל הזה', rating = 1,
               hidden_at = created_at + interval '3 hours', hidden_reason = 'שפה פוגענית והאשמות ללא ביסוס',
               version = version + 1
         where id = (select id from ofair.professional_reviews order by id limit 1) and hidden_at is null
           and not exists (select 1 from ofair.professional_reviews where hidden_at is not null)
        returning id`.execute(tx)
      // every aggregate from the visible reviews (nothing else writes them during the seed)
      await sql`
        update ofair.professionals p
           set rating_sum = coalesce(a.s, 0), review_count = coalesce(a.n, 0),
               rating_counts = array[coalesce(a.c1, 0), coalesce(a.c2, 0), coalesce(a.c3, 0), coalesce(a.c4, 0), coalesce(a.c5, 0)]
          from (select pr.id,
                       sum(r.rating)::int as s, count(r.id)::int as n,
                       (count(*) filter (where r.rating = 1))::int as c1, (count(*) filter (where r.rating = 2))::int as c2,
                       (count(*) filter (where r.rating = 3))::int as c3, (count(*) filter (where r.rating = 4))::int as c4,
                       (count(*) filter (where r.rating = 5))::int as c5
                  from ofair.professionals pr
                  left join ofair.professional_reviews r on r.professional_id = pr.id and r.hidden_at is null
                 group by pr.id) a
         where a.id = p.id and (p.rating_sum, p.review_count, p.rating_counts)
               is distinct from (coalesce(a.s, 0), coalesce(a.n, 0),
                 array[coalesce(a.c1, 0), coalesce(a.c2, 0), coalesce(a.c3, 0), coalesce(a.c4, 0), coalesce(a.c5, 0)])`.execute(
        tx,
      )
      const projects = await sql<{ id: string; lead_status: string; performer_user: string; decided: Date }>`
        with made as (
          insert into ofair.projects (lead_id, proposal_id, owner_user_id, performer_professional_id, title, created_at, updated_at)
          select l.id, p.id, l.created_by_user_id, p.professional_id, left(l.title, 120),
                 coalesce(p.decided_at, p.updated_at), coalesce(p.decided_at, p.updated_at)
            from ofair.proposals p join ofair.leads l on l.accepted_proposal_id = p.id
           where p.status = 'accepted'
             and not exists (select 1 from ofair.projects x where x.lead_id = l.id)
          returning id, lead_id, performer_professional_id, created_at
        )
        select m.id, l.status as lead_status, pr.user_id as performer_user, m.created_at as decided
          from made m join ofair.leads l on l.id = m.lead_id
          join ofair.professionals pr on pr.id = m.performer_professional_id`.execute(tx)
      const live = projects.rows.filter((p) => p.lead_status === 'pending')
      if (live.length) {
        await sql`
          insert into ofair.project_milestones (project_id, title, due_date, amount_minor, status, created_by_user_id, created_at, updated_at, done_at)
          select x.id, m.title, (x.decided + m.due)::date, m.amount, m.status, x.performer_user,
                 x.decided, x.decided, case when m.status = 'done' then x.decided + interval '1 day' end
            from unnest(${live.map((p) => p.id)}::uuid[], ${live.map((p) => p.performer_user)}::uuid[],
                        ${live.map((p) => p.decided.toISOString())}::timestamptz[]) as x(id, performer_user, decided)
           cross join (values ('תיאום ובדיקה במקום', interval '1 day', null::bigint, 'done'),
                              ('ביצוע העבודה', interval '5 days', 60000::bigint, 'in_progress'),
                              ('מסירה ובדיקה עם הלקוח', interval '7 days', null::bigint, 'pending'))
                 as m(title, due, amount, status)`.execute(tx)
        await sql`
          insert into ofair.project_updates (project_id, author_professional_id, body, created_at)
          select p.id, p.performer_professional_id, 'בדקתי את המקום, הזמנתי את החלקים ואגיע לביצוע בתחילת השבוע.',
                 p.created_at + interval '1 day'
            from ofair.projects p where p.id = any(${live.map((p) => p.id)}::uuid[])`.execute(tx)
      }
      return {
        reviews: reviews.rows[0]?.n ?? 0,
        hidden: hidden.rows.length,
        projects: projects.rows.length,
        projects_in_progress: live.length,
        ms: Math.round(performance.now() - started),
      }
    })
  },
}
