import { sql } from 'kysely'
import type { AnyTx } from '../../kernel/db/database.ts'
import { AppError } from '../../kernel/errors.ts'
import type { PlacementFacts } from '../recruiting/index.ts'
import type { BillingTx } from './database.ts'
import {
  type CustomContractInput,
  computePlacementFee,
  type FeeRole,
  type FeeStatement,
  feeInputsFromJson,
  feeStatementToJson,
  type Jsonified,
  type PlacementFeeInput,
} from './fees/index.ts'
import { planTierAt } from './plans/history.ts'

/**
 * A placement's fee statement: computed once from the facts of the deal as they stood when it was
 * made (the role's rate and premium, the company's contract then, the recruiter's plan) and stored
 * with every input and figure. A new version is made only when the split agreement changes, and
 * it keeps every other input of the first — never today's settings.
 */
export interface StoredStatement {
  id: string
  placementId: string
  version: number
  statement: FeeStatement
  json: Jsonified<FeeStatement>
}

const view = (tx: AnyTx) => tx as BillingTx

export async function currentStatement(tx: AnyTx, placementId: string): Promise<StoredStatement | undefined> {
  const row = await view(tx)
    .selectFrom('billing.fee_statements')
    .selectAll()
    .where('placement_id', '=', placementId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!row) return undefined
  const json = row.statement as Jsonified<FeeStatement>
  return { id: row.id, placementId, version: row.version, statement: parse(json), json }
}

/** The stored JSON back as a statement (amounts as bigints), by recomputing from its own inputs. */
function parse(json: Jsonified<FeeStatement>): FeeStatement {
  const result = computePlacementFee(feeInputsFromJson(json.inputs))
  if (!result.ok) throw new Error(`a stored fee statement no longer computes: ${result.errors[0]?.message}`)
  // the engine is deterministic; a stored statement that disagrees with its inputs is a defect to see
  if (result.statement.fee.toString() !== json.fee)
    throw new Error('a stored fee statement disagrees with its inputs')
  return result.statement
}

/** The company's approved contract in force on a date, with the count its volume discount needs. */
async function contractFor(
  tx: AnyTx,
  companyId: string,
  onDate: string,
  placementId: string,
): Promise<CustomContractInput | null> {
  const c = await view(tx)
    .selectFrom('billing.custom_contracts')
    .selectAll()
    .where('company_id', '=', companyId)
    .where('status', '=', 'approved')
    .where('contract_start_date', '<=', onDate)
    .where((eb) => eb.or([eb('contract_end_date', 'is', null), eb('contract_end_date', '>=', onDate)]))
    .orderBy('contract_start_date', 'desc')
    .executeTakeFirst()
  if (!c) return null
  // the contract year of `onDate`: anniversaries of the start date
  const yearStart = (
    await sql<{ d: string }>`select (${c.contract_start_date}::date
      + make_interval(years => extract(year from age(${onDate}::date, ${c.contract_start_date}::date))::int))::date::text as d`.execute(
      view(tx),
    )
  ).rows[0]!.d
  const before = (
    await sql<{ n: number }>`select count(*)::int as n from billing.fee_statements s
       where s.version = 1 and s.statement->'inputs'->'contract'->>'contract_id' = ${c.id}
         and s.placement_id <> ${placementId}::uuid and s.created_at >= ${yearStart}::date`.execute(view(tx))
  ).rows[0]!.n
  return {
    contract_id: c.id,
    fee_rate_bps: c.fee_percentage_bps,
    flat_fee:
      c.flat_fee_cents !== null ? { amount: c.flat_fee_cents, currency: c.flat_fee_currency as never } : null,
    min_placements_per_year: c.min_placements_per_year,
    discount_bps: c.discount_percentage_bps,
    placements_before_this_one: before,
  }
}

function splitsOf(facts: PlacementFacts): PlacementFeeInput['splits'] {
  return facts.splits.map((s) => ({
    fee_role: s.feeRole as FeeRole,
    recruiter_id: s.recruiterId,
    share_bps: s.shareBps,
  }))
}

/**
 * Makes the placement's first statement, or a new version when its split changed. Idempotent: the
 * same split again makes nothing new.
 */
export async function statementFor(
  tx: AnyTx,
  facts: PlacementFacts,
  now: Date,
): Promise<{ stored: StoredStatement; created: boolean }> {
  const existing = await currentStatement(tx, facts.id)
  let input: PlacementFeeInput
  if (existing) {
    const key = (s: { fee_role: string; recruiter_id: string; share_bps: number }) =>
      `${s.fee_role}:${s.recruiter_id}:${s.share_bps}`
    const same = existing.json.inputs.splits.map(key).sort().join() === splitsOf(facts).map(key).sort().join()
    if (same) return { stored: existing, created: false }
    input = { ...feeInputsFromJson(existing.json.inputs), splits: splitsOf(facts) }
  } else {
    const premium = await view(tx)
      .selectFrom('billing.role_premiums')
      .select(['designation', 'recruiter_bonus_bps'])
      .where('role_id', '=', facts.role.id)
      .executeTakeFirst()
    input = {
      base_salary: { amount: facts.baseSalary, currency: facts.currency as never },
      fee_rate_bps: facts.role.feeRateBps,
      premium: premium
        ? { designation: premium.designation as never, recruiter_bonus_bps: premium.recruiter_bonus_bps }
        : null,
      contract: await contractFor(tx, facts.company.id, facts.createdAt.toISOString().slice(0, 10), facts.id),
      // the tier the recruiter held when the placement was made (the plan history)
      recruiter_plan_tier: await planTierAt(tx, facts.submittingRecruiter.id, facts.createdAt),
      splits: splitsOf(facts),
    }
  }
  const result = computePlacementFee(input)
  if (!result.ok) {
    const e = result.errors[0]!
    throw new AppError('unprocessable', `The fee cannot be computed: ${e.field}: ${e.message}`, {
      errors: result.errors.map((x) => ({ field: x.field, message: x.message })),
    })
  }
  const json = feeStatementToJson(result.statement)
  const version = (existing?.version ?? 0) + 1
  const row = await view(tx)
    .insertInto('billing.fee_statements')
    .values({
      placement_id: facts.id,
      version,
      rule_version: result.statement.rule_version,
      currency: result.statement.currency,
      fee: result.statement.fee,
      statement: sql`${JSON.stringify(json)}::jsonb`,
      reason: existing ? 'splits_changed' : 'placement_created',
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['placement_id', 'version']).doNothing())
    .returning('id')
    .executeTakeFirst()
  if (!row) {
    // a concurrent consumer stored this version first
    const again = await currentStatement(tx, facts.id)
    if (!again) throw new Error('statement vanished')
    return { stored: again, created: false }
  }
  return {
    stored: { id: row.id, placementId: facts.id, version, statement: result.statement, json },
    created: true,
  }
}
