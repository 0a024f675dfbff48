import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedContext } from '../../../../../../packages/testing/src/seed-context.ts'
import { useTestDatabase } from '../../../../../../packages/testing/src/test-database.ts'
import { verifyAuditChain } from '../../../kernel/audit/audit.ts'
import { FixedClock } from '../../../kernel/clock.ts'
import type { AppContext } from '../../../kernel/context.ts'
import type { DatabaseHandle } from '../../../kernel/db/database.ts'
import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import { actorOf, type Principal } from '../../../kernel/http/access.ts'
import { demoPersonasSeed } from '../../identity/seed.ts'
import { resolveSplitsCaller } from '../caller.ts'
import { duplicateWarnings } from '../candidates/duplicates.ts'
import { identityKeysOf } from '../candidates/identity-keys.ts'
import { searchCandidates } from '../candidates/search.ts'
import type { RecruitingDatabase } from '../database.ts'
import { searchRoles } from '../roles/queries.ts'
import { demoMarketplaceSeed } from './demo-marketplace.ts'

const database = useTestDatabase()
const clock = new FixedClock('2026-06-01T08:30:00Z')
let ctx: AppContext
let handle: DatabaseHandle
let firstRun: Record<string, unknown> | undefined
let firstRunMs = 0

const COUNTS = `select
  (select count(*)::int from ats.companies) as companies,
  (select count(*)::int from ats.company_billing) as billing,
  (select count(*)::int from identity.organizations) as organizations,
  (select count(*)::int from identity.users) as users,
  (select count(*)::int from identity.memberships) as memberships,
  (select count(*)::int from network.recruiters) as recruiters,
  (select count(*)::int from network.recruiter_specializations) as specializations,
  (select count(*)::int from ats.roles) as roles,
  (select count(*)::int from ats.role_history) as role_history,
  (select count(*)::int from ats.role_assignments) as role_assignments,
  (select count(*)::int from ats.candidates) as candidates,
  (select count(*)::int from ats.candidate_contacts) as candidate_contacts,
  (select count(*)::int from ats.candidate_identity_keys) as identity_keys,
  (select count(*)::int from ats.representations) as representations,
  (select count(*)::int from ats.applications) as applications,
  (select count(*)::int from ats.application_stage_history) as stage_history,
  (select count(*)::int from ats.placements) as placements,
  (select count(*)::int from ats.placement_splits) as placement_splits,
  (select count(*)::int from ats.ownership_disputes) as disputes,
  (select count(*)::int from platform.audit_log) as audit`

/** The superuser connection of the test database: sees every row, whatever the policies. */
const query = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) =>
  (await database.current.pool.query(text, params)).rows as T[]

beforeAll(async () => {
  ;({ ctx, database: handle } = seedContext(database.current.url, { clock: clock }))
  await demoPersonasSeed.run(ctx, () => {})
  // Rachel used the app before the demo data arrived: her profile exists (made on first use)
  const rachel = await principalOf('rachel@recruiters.demo', ['recruiter'])
  await inTransaction<unknown, RecruitingDatabase>(ctx.db, actorOf(rachel), (tx) =>
    resolveSplitsCaller(tx, rachel),
  )
  const t = performance.now()
  firstRun = await demoMarketplaceSeed.run(ctx, () => {})
  firstRunMs = performance.now() - t
}, 60_000)
afterAll(async () => {
  await handle?.close()
})

const within5 = (actual: number, expected: number) => {
  expect(actual).toBeGreaterThanOrEqual(Math.floor(expected * 0.95))
  expect(actual).toBeLessThanOrEqual(Math.ceil(expected * 1.05))
}

describe('demo marketplace seed', () => {
  it('loads the marketplace in a few seconds', async () => {
    expect(firstRun).toMatchObject({ anchor: '2026-06-01T00:00:00.000Z', roles: 200, candidates: 3000 })
    console.info(
      `recruiting.demo_marketplace: ${Math.round(firstRunMs)} ms (the start-up budget is measured by bench/startup.ts)`,
    )
    const [c] = await query<Record<string, number>>(COUNTS)
    within5(c!.companies!, 20)
    expect(c!.billing).toBe(c!.companies)
    within5(c!.roles!, 200)
    within5(c!.recruiters!, 60)
    expect(c!.specializations).toBe(c!.recruiters)
    within5(c!.candidates!, 3000)
    expect(c!.candidate_contacts).toBe(c!.candidates)
    within5(c!.applications!, 1500)
    within5(c!.placements!, 100)
    expect(c!.disputes).toBeGreaterThanOrEqual(3)
    const [hired] = await query<{ n: number }>(
      `select count(*)::int as n from ats.applications where stage = 'hired'`,
    )
    expect(hired!.n).toBe(c!.placements)
  })

  it('links Acme Robotics to its organisation, with Dana and Eli on the team', async () => {
    const team = await query<{ email: string; role: string }>(
      `select uc.email, m.role from ats.companies c
         join identity.organizations o on o.id = c.organization_id
         join identity.memberships m on m.organization_id = o.id
         join identity.user_contacts uc on uc.user_id = m.user_id
        where o.slug = 'acme-robotics' order by uc.email`,
    )
    expect(team).toEqual(
      expect.arrayContaining([
        { email: 'dana@acme.demo', role: 'company_admin' },
        { email: 'eli@acme.demo', role: 'hiring_manager' },
      ]),
    )
    const every = await query<{ n: number }>(
      `select count(*)::int as n from ats.companies c where not exists (
         select 1 from identity.memberships m where m.organization_id = c.organization_id and m.role = 'company_admin')`,
    )
    expect(every[0]!.n).toBe(0)
  })

  it('keeps every placement split at exactly 10,000 bps, with the role’s terms', async () => {
    expect(
      await query(`select p.id, coalesce(sum(s.share_bps), 0) as total from ats.placements p
        left join ats.placement_splits s on s.placement_id = p.id group by p.id having coalesce(sum(s.share_bps), 0) <> 10000`),
    ).toEqual([])
    expect(
      await query(`select p.id from ats.placements p join ats.roles r on r.id = p.role_id
         join ats.companies c on c.id = p.company_id join ats.applications a on a.id = p.application_id
        where p.currency <> r.salary_currency or p.fee_rate_bps <> r.fee_rate_bps or p.guarantee_days <> r.guarantee_days
           or p.payment_terms <> c.payment_terms or a.stage <> 'hired' or p.candidate_id <> a.candidate_id
           or p.start_date > date '2026-06-01' or p.start_date < date '2026-06-01' - 245
           or (p.status = 'fell_off' and (p.fell_off_on < p.start_date or p.fell_off_on > p.guarantee_ends_on))`),
    ).toEqual([])
    const [f] = await query<{ fell: number; pending: number; three: number }>(
      `select count(*) filter (where status = 'fell_off')::int as fell,
              count(*) filter (where split_status = 'pending')::int as pending,
              (select count(*)::int from (select placement_id from ats.placement_splits group by 1 having count(*) = 3) x) as three
         from ats.placements`,
    )
    expect(f!.fell).toBeGreaterThanOrEqual(3)
    expect(f!.pending).toBeGreaterThanOrEqual(1)
    expect(f!.three).toBeGreaterThanOrEqual(1)
  })

  it('submits only to the role’s own company, once per candidate, with consent, while the role was open', async () => {
    expect(
      await query(
        `select a.id from ats.applications a join ats.roles r on r.id = a.role_id where a.company_id <> r.company_id`,
      ),
    ).toEqual([])
    expect(
      await query(`select role_id, candidate_id from ats.applications group by 1, 2 having count(*) > 1`),
    ).toEqual([])
    expect(
      await query(`select a.id from ats.applications a join ats.candidates c on c.id = a.candidate_id
        where c.consent_given_at is null or c.consent_given_at > a.submitted_at`),
    ).toEqual([])
    // the role's status at the moment of submission, from its history
    expect(
      await query(`select a.id from ats.applications a
        where coalesce((select h.after ->> 'status' from ats.role_history h
                         where h.role_id = a.role_id and h.change = 'status_changed' and h.changed_at <= a.submitted_at
                         order by h.changed_at desc limit 1), 'draft') <> 'open'`),
    ).toEqual([])
    // a recruiter only submits to roles they can see
    expect(
      await query(`select a.id from ats.applications a join ats.roles r on r.id = a.role_id
        where r.visibility = 'assigned' and not exists (
          select 1 from ats.role_assignments ra where ra.role_id = r.id and ra.recruiter_id = a.recruiter_id)`),
    ).toEqual([])
  })

  it('ends every stage history at the application’s stage, step by allowed step, in time order', async () => {
    expect(
      await query(`select a.id from ats.applications a
        where a.stage is distinct from (select h.to_stage from ats.application_stage_history h
          where h.application_id = a.id order by h.changed_at desc, h.id desc limit 1)
           or a.stage_changed_at <> (select max(changed_at) from ats.application_stage_history h where h.application_id = a.id)
           or a.submitted_at <> (select min(changed_at) from ats.application_stage_history h where h.application_id = a.id)`),
    ).toEqual([])
    expect(
      await query(`select * from (
          select h.application_id, h.from_stage, h.to_stage, h.changed_at,
                 lag(h.to_stage) over w as prev_stage, lag(h.changed_at) over w as prev_at
            from ats.application_stage_history h window w as (partition by h.application_id order by h.changed_at, h.id)) x
        where (prev_stage is null and (from_stage is not null or to_stage <> 'submitted'))
           or (prev_stage is not null and (from_stage <> prev_stage or not ats.stage_transition_allowed(from_stage, to_stage)
               or changed_at <= prev_at))`),
    ).toEqual([])
    expect(
      await query(`select id from ats.applications where stage = 'rejected' and closed_reason is null`),
    ).toEqual([])
    const stages = await query<{ stage: string; n: number }>(
      `select stage, count(*)::int as n from ats.applications group by 1`,
    )
    expect(stages.map((s) => s.stage).sort()).toEqual(
      ['hired', 'interview', 'offer', 'rejected', 'screening', 'submitted', 'withdrawn'].sort(),
    )
    // nothing happens after the seed clock
    expect(
      await query(
        `select 1 from ats.application_stage_history where changed_at > $1
        union all select 1 from ats.role_history where changed_at > $1
        union all select 1 from ats.candidates where created_at > $1`,
        [clock.now()],
      ),
    ).toEqual([])
  })

  it('walks each role’s history to its status', async () => {
    expect(
      await query(`select r.id from ats.roles r
        where r.status <> coalesce((select h.after ->> 'status' from ats.role_history h
                 where h.role_id = r.id and h.change = 'status_changed' order by h.changed_at desc limit 1), 'draft')
           or not exists (select 1 from ats.role_history h where h.role_id = r.id and h.change = 'created' and h.changed_at = r.created_at)
           or r.version <> 1 + (select count(*) from ats.role_history h where h.role_id = r.id and h.change = 'status_changed')`),
    ).toEqual([])
    expect(
      await query(`select h.id from ats.role_history h where h.change = 'status_changed'
        and not ats.role_transition_allowed(h.before ->> 'status', h.after ->> 'status')`),
    ).toEqual([])
    expect(await query(`select id from ats.roles where salary_min > salary_max`)).toEqual([])
    // a filled role has every opening hired; an open one still has room
    expect(
      await query(`select r.id, r.status, r.openings, count(a.id) as hired from ats.roles r
        left join ats.applications a on a.role_id = r.id and a.stage = 'hired' group by r.id
        having (r.status = 'filled' and count(a.id) <> r.openings) or (r.status = 'open' and count(a.id) >= r.openings)`),
    ).toEqual([])
  })

  it('holds one active representation per candidate and company, from the first submission', async () => {
    expect(
      await query(`select candidate_id, company_id from ats.representations where status = 'active'
        group by 1, 2 having count(*) > 1`),
    ).toEqual([])
    expect(
      await query(`select a.id from ats.applications a join ats.representations r on r.id = a.representation_id
        where r.candidate_id <> a.candidate_id or r.company_id <> a.company_id or r.recruiter_id <> a.recruiter_id
           or r.starts_at > a.submitted_at or r.expires_at <> r.starts_at + interval '12 months'`),
    ).toEqual([])
  })

  it('gives Rachel substance: ~40 candidates and applications at every stage', async () => {
    const [r] = await query<{ candidates: number; stages: string[] }>(
      `select (select count(*)::int from ats.candidates c where c.recruiter_id = rr.id) as candidates,
              (select array_agg(distinct a.stage order by a.stage) from ats.applications a where a.recruiter_id = rr.id) as stages
         from network.recruiters rr join identity.user_contacts uc on uc.user_id = rr.user_id
        where uc.email = 'rachel@recruiters.demo'`,
    )
    expect(r!.candidates).toBeGreaterThanOrEqual(36)
    expect(r!.candidates).toBeLessThanOrEqual(48)
    expect(r!.stages).toEqual([
      'hired',
      'interview',
      'offer',
      'rejected',
      'screening',
      'submitted',
      'withdrawn',
    ])

    // and the services show them to her through row-level security
    const rachel = await principalOf('rachel@recruiters.demo', ['recruiter'])
    const mine = await inTransaction<Awaited<ReturnType<typeof searchCandidates>>, RecruitingDatabase>(
      ctx.db,
      { kind: 'user', userId: rachel.userId, roles: rachel.roles },
      async (tx) => searchCandidates(tx, await resolveSplitsCaller(tx, rachel), { limit: 100 }),
    )
    expect(mine.data.length).toBe(r!.candidates)
    const roles = await inTransaction<Awaited<ReturnType<typeof searchRoles>>, RecruitingDatabase>(
      ctx.db,
      { kind: 'user', userId: rachel.userId, roles: rachel.roles },
      async (tx) =>
        searchRoles(tx, await resolveSplitsCaller(tx, rachel), {
          status: ['open'],
          function: 'engineering',
          limit: 20,
        }),
    )
    expect(roles.data.length).toBeGreaterThan(5)
  })

  it('seeds identity keys the duplicate check finds: the disputes’ two records are one person', async () => {
    const disputes = await query<{
      status: string
      claimant_candidate_id: string
      holder_candidate: string
      claimant_recruiter_id: string
      matched_on: string[]
    }>(
      `select d.status, d.claimant_candidate_id, r.candidate_id as holder_candidate, d.claimant_recruiter_id, d.matched_on
         from ats.ownership_disputes d join ats.representations r on r.id = d.representation_id`,
    )
    expect(new Set(disputes.map((d) => d.status))).toEqual(new Set(['recorded', 'disputed', 'upheld']))
    for (const d of disputes) {
      expect(d.matched_on.length).toBeGreaterThan(0)
      const [contacts] = await query<Record<string, string | null>>(
        `select cc.email, cc.phone, cc.linkedin_url, cc.github_url, c.country from ats.candidate_contacts cc
           join ats.candidates c on c.id = cc.candidate_id where cc.candidate_id = $1`,
        [d.claimant_candidate_id],
      )
      const warnings = await inTransaction<Awaited<ReturnType<typeof duplicateWarnings>>, RecruitingDatabase>(
        ctx.db,
        systemActor('test'),
        (tx) =>
          duplicateWarnings(
            tx,
            ctx.config.auth.secret,
            identityKeysOf(contacts!),
            d.claimant_recruiter_id,
            clock.now(),
            d.claimant_candidate_id,
          ),
      )
      expect(warnings).toEqual([
        expect.objectContaining({ yours: false, matched_on: expect.arrayContaining(d.matched_on) }),
      ])
      expect(warnings[0]!.represented_to.length).toBeGreaterThan(0)
    }
  })

  it('changes nothing when run again, and the audit chain still verifies', async () => {
    const before = await query(COUNTS)
    const again = await demoMarketplaceSeed.run(ctx, () => {})
    expect(again).toMatchObject({ skipped: expect.stringContaining('already applied') })
    expect(await query(COUNTS)).toEqual(before)
    const audit = await verifyAuditChain(ctx.db)
    expect(audit.ok).toBe(true)
    expect(audit.rows).toBeGreaterThanOrEqual(1)
    const [seeded] = await query<{ n: number }>(
      `select count(*)::int as n from platform.audit_log where action = 'seed.demo_marketplace_loaded'`,
    )
    expect(seeded!.n).toBe(1)
  })
})

async function principalOf(email: string, roles: Principal['roles']): Promise<Principal> {
  const rows = await query<{ user_id: string; display_name: string; organization_id: string; role: string }>(
    `select u.id as user_id, u.display_name, m.organization_id, m.role from identity.users u
       join identity.user_contacts uc on uc.user_id = u.id join identity.memberships m on m.user_id = u.id
      where uc.email = $1`,
    [email],
  )
  return {
    userId: rows[0]!.user_id,
    displayName: rows[0]!.display_name,
    roles,
    memberships: rows.map((r) => ({
      organizationId: r.organization_id,
      role: r.role as Principal['roles'][number],
    })),
    via: 'session',
    suspended: false,
  }
}
