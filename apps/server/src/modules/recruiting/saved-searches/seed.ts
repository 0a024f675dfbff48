import { sql } from 'kysely'
import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import type { SeedStep } from '../../../kernel/module.ts'
import { userIdsByEmail } from '../../identity/index.ts'
import type { RecruitingDatabase } from '../database.ts'

/** Saved searches of the demo recruiters (their profiles come with the demo marketplace). */
const DEMO_SEARCHES: Record<
  string,
  { name: string; filters: Record<string, string>; sort: string; alert_frequency: string; channel: string }[]
> = {
  'rachel@recruiters.demo': [
    {
      name: 'Remote engineering',
      filters: { function: 'engineering', work_mode: 'remote' },
      sort: 'fee',
      alert_frequency: 'instant',
      channel: 'email',
    },
    {
      name: 'Senior data, Tel Aviv',
      filters: { function: 'data', seniority: 'senior', location: 'Tel Aviv' },
      sort: 'newest',
      alert_frequency: 'daily',
      channel: 'in_app',
    },
    {
      name: 'USD roles over $150k',
      filters: { salary_currency: 'USD', salary_min: '15000000' },
      sort: 'salary',
      alert_frequency: 'off',
      channel: 'email',
    },
  ],
  'tom@talentbridge.demo': [
    {
      name: 'Sales leadership',
      filters: { function: 'sales', seniority: 'lead' },
      sort: 'fee',
      alert_frequency: 'daily',
      channel: 'email',
    },
    {
      name: 'Fewest submissions',
      filters: {},
      sort: 'fewest_submissions',
      alert_frequency: 'off',
      channel: 'in_app',
    },
  ],
}

const DEMO_BIOS: Record<string, string> = {
  'rachel@recruiters.demo':
    'Independent tech recruiter for twelve years. I place backend, data and product people with start-ups in Tel Aviv and New York, and I only submit candidates I have met.',
  'tom@talentbridge.demo':
    'Partner at TalentBridge. We build go-to-market teams (sales leaders, solutions engineers, customer success) for B2B software companies from Series A to IPO.',
}

/**
 * Demo saved searches for Rachel and Tom: a few insert statements, after the demo marketplace.
 * Running it again changes nothing (the names are unique per recruiter).
 */
export const savedSearchesDemoSeed: SeedStep = {
  name: 'recruiting.demo_saved_searches',
  version: 1,
  description: 'Saved searches of the demo recruiters',
  async run(ctx) {
    return inTransaction<Record<string, unknown>, RecruitingDatabase>(
      ctx.db,
      systemActor('seed'),
      async (tx) => {
        const users = await userIdsByEmail(tx, Object.keys(DEMO_SEARCHES))
        const recruiters = await tx
          .selectFrom('network.recruiters')
          .select(['id', 'user_id'])
          .where('user_id', 'in', [...users.values(), '00000000-0000-0000-0000-000000000000'])
          .execute()
        const byUser = new Map(recruiters.map((r) => [r.user_id, r.id]))
        const rows = Object.entries(DEMO_SEARCHES).flatMap(([email, searches]) => {
          const recruiterId = byUser.get(users.get(email) ?? '')
          return recruiterId
            ? searches.map((s) => ({ ...s, recruiter_id: recruiterId, filters: JSON.stringify(s.filters) }))
            : []
        })
        // the personas' public profiles: a bio where they have none yet
        for (const [email, bio] of Object.entries(DEMO_BIOS)) {
          const recruiterId = byUser.get(users.get(email) ?? '')
          if (recruiterId) {
            await tx
              .updateTable('network.recruiters')
              .set({ bio })
              .where('id', '=', recruiterId)
              .where('bio', 'is', null)
              .execute()
          }
        }
        if (rows.length === 0) return { saved_searches: 0 }
        const added = await tx
          .insertInto('network.saved_searches')
          .values(rows)
          .onConflict((oc) => oc.expression(sql`recruiter_id, lower(name)`).doNothing())
          .returning('id')
          .execute()
        return { saved_searches: added.length }
      },
    )
  },
}
