import { sql } from 'kysely'
import { appendAudit } from '../../../kernel/audit/audit.ts'
import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import type { SeedStep } from '../../../kernel/module.ts'
import { addDemoPeople, addMemberships, organizationIdsBySlug, userIdsByEmail } from '../../identity/index.ts'
import type { RecruitingDatabase, RecruitingTx } from '../database.ts'
import { type DemoPlan, generateDemoMarketplace, planCounts } from './generate.ts'
import { AGENCIES, COMPANIES } from './words.ts'

/**
 * Rows per insert: as many as PostgreSQL's 65,535 parameters allow. Fewer, larger statements are
 * faster here than the row count suggests: the statement-level triggers (a role's submission
 * count, members' activity days) run once per statement, and each of their updates of a role
 * rewrites all of its fifteen index entries.
 */
const batchOf = (rows: readonly object[]) =>
  Math.max(1, Math.floor(60_000 / Math.max(1, new Set(rows.flatMap((r) => Object.keys(r))).size)))

/** Organisations only this step creates: if any exists, the step has run (it runs in one transaction). */
const OWN_SLUGS = [
  ...COMPANIES.filter((c) => c.slug !== 'acme-robotics').map((c) => c.slug),
  ...AGENCIES.map((a) => a.slug),
]

const PERSONA_EMAILS = {
  admin: 'admin@splits.demo',
  dana: 'dana@acme.demo',
  eli: 'eli@acme.demo',
  rachel: 'rachel@recruiters.demo',
  tom: 'tom@talentbridge.demo',
} as const

/**
 * The Splits Network demo marketplace: 20 companies with hiring teams (Acme Robotics with the
 * Dana and Eli personas), 60 recruiters (Rachel and Tom among them), 200 roles, 3,000 candidates,
 * 1,500 applications, 100 placements with their splits, and a few ownership disputes. The data is
 * the same on every run, dated back from the seed clock's day over the last twelve months.
 *
 * Needs the identity personas (`identity.demo_personas`). Runs in one transaction, as the system,
 * with multi-row inserts; writes no outbox events (nothing to notify about the past) and one audit
 * entry recording that demo data was loaded. Running it again changes nothing.
 */
export const demoMarketplaceSeed: SeedStep = {
  name: 'recruiting.demo_marketplace',
  version: 1,
  description: 'Splits Network demo marketplace (companies, roles, recruiters, candidates, placements)',
  after: ['identity.demo_personas'],
  async run(ctx, progress) {
    const started = performance.now()
    return inTransaction<Record<string, unknown>, RecruitingDatabase>(
      ctx.db,
      systemActor('seed'),
      async (tx) => {
        await sql`select pg_advisory_xact_lock(hashtextextended('seed:recruiting.demo_marketplace', 0))`.execute(
          tx,
        )
        const [applied] = await organizationIdsBySlug(tx, OWN_SLUGS)
        if (applied) return { skipped: `already applied (organisation ${applied[0]} exists)` }

        const personas = await personaIds(tx)
        const orgs = await orgIds(tx)
        const existingRecruiters = new Map(
          (
            await tx
              .selectFrom('network.recruiters')
              .select(['id', 'user_id'])
              .where('user_id', 'in', [personas.rachel, personas.tom])
              .execute()
          ).map((r) => [r.user_id, r.id]),
        )
        const existingAcme = await tx
          .selectFrom('ats.companies')
          .select(['id', 'payment_terms'])
          .where('organization_id', '=', orgs.acme)
          .executeTakeFirst()

        const plan = generateDemoMarketplace({
          now: ctx.clock.now(),
          secret: ctx.config.auth.secret,
          personas,
          orgs,
          existingRecruiters,
          existingAcme,
        })
        await writePlan(tx, plan, progress)
        const counts = planCounts(plan)
        await appendAudit(tx, {
          action: 'seed.demo_marketplace_loaded',
          entityType: 'seed',
          entityId: 'recruiting.demo_marketplace',
          after: { anchor: plan.anchor.toISOString(), ...counts },
          actorRole: 'system',
        })
        return { anchor: plan.anchor.toISOString(), ...counts, ms: Math.round(performance.now() - started) }
      },
    )
  },
}

async function personaIds(tx: RecruitingTx): Promise<Record<keyof typeof PERSONA_EMAILS, string>> {
  const byEmail = await userIdsByEmail(tx, Object.values(PERSONA_EMAILS))
  const out = {} as Record<keyof typeof PERSONA_EMAILS, string>
  for (const [key, email] of Object.entries(PERSONA_EMAILS) as [keyof typeof PERSONA_EMAILS, string][]) {
    const id = byEmail.get(email)
    if (!id)
      throw new Error(`demo marketplace: persona ${email} is missing; run identity.demo_personas first`)
    out[key] = id
  }
  return out
}

async function orgIds(tx: RecruitingTx) {
  const bySlug = await organizationIdsBySlug(tx, ['splits-network', 'acme-robotics', 'talentbridge'])
  const get = (slug: string) => {
    const id = bySlug.get(slug)
    if (!id)
      throw new Error(`demo marketplace: organisation ${slug} is missing; run identity.demo_personas first`)
    return id
  }
  return { splits: get('splits-network'), acme: get('acme-robotics'), talentbridge: get('talentbridge') }
}

/** Multi-row inserts, parents before children, in batches of {@link batchOf}. */
async function writePlan(tx: RecruitingTx, plan: DemoPlan, progress: (done: number, total: number) => void) {
  // people and organisations are identity's to write: it takes them first, memberships later
  await addDemoPeople(tx, { organizations: plan.organizations, people: plan.people })
  const steps: [keyof RecruitingDatabase | 'memberships', readonly object[]][] = [
    ['ats.companies', plan.companies],
    ['ats.company_billing', plan.companyBilling],
    // profiles before memberships: granting the recruiter role makes a profile unless one exists
    ['network.recruiters', plan.recruiters],
    ['network.recruiter_specializations', plan.specializations],
    ['memberships', plan.memberships],
    ['ats.roles', plan.roles],
    ['ats.role_history', plan.roleHistory],
    ['ats.role_assignments', plan.roleAssignments],
    ['ats.candidates', plan.candidates],
    ['ats.candidate_contacts', plan.candidateContacts],
    ['ats.candidate_identity_keys', plan.identityKeys],
    ['ats.representations', plan.representations],
    ['ats.applications', plan.applications],
    ['ats.application_stage_history', plan.stageHistory],
    ['ats.placements', plan.placements],
    ['ats.placement_splits', plan.placementSplits],
    ['ats.ownership_disputes', plan.disputes],
  ]
  const total =
    plan.organizations.length +
    plan.people.length +
    steps.reduce((s, [, rows]) => s + rows.length, 0) +
    plan.recruiterUpdates.length
  let done = plan.organizations.length + plan.people.length
  progress(done, total)
  for (const [table, rows] of steps) {
    if (table === 'memberships') {
      await addMemberships(tx, plan.memberships)
      done += rows.length
      progress(done, total)
      continue
    }
    const size = batchOf(rows)
    for (let i = 0; i < rows.length; i += size) {
      const batch = rows.slice(i, i + size)
      await tx
        .insertInto(table)
        .values(batch as never)
        .execute()
      done += batch.length
      progress(done, total)
    }
  }
  // persona recruiters who had a profile already (made on first use): fill in what is missing
  for (const u of plan.recruiterUpdates) {
    await tx
      .updateTable('network.recruiters')
      .set({
        plan_tier: u.plan_tier,
        early_access: u.early_access,
        agency_organization_id: sql`coalesce(agency_organization_id, ${u.agency_organization_id}::uuid)`,
        headline: sql`coalesce(headline, ${u.headline})`,
      })
      .where('id', '=', u.id)
      .execute()
    await tx
      .insertInto('network.recruiter_specializations')
      .values({ recruiter_id: u.id, ...u.specializations })
      .onConflict((oc) =>
        oc
          .column('recruiter_id')
          .doUpdateSet(u.specializations)
          .where('network.recruiter_specializations.function', '=', sql<string[]>`'{}'::text[]`),
      )
      .execute()
    progress(++done, total)
  }
}
