import { updatedOrConflict } from '../../kernel/db/concurrency.ts'
import type { AnyTx } from '../../kernel/db/database.ts'
import { AppError } from '../../kernel/errors.ts'
import { exactTime, olderThanCursor, timeIdPage } from '../../kernel/http/pagination.ts'
import { companyOrganization } from '../recruiting/index.ts'
import type { BillingTx } from './database.ts'
import { writePayoutAudit } from './payout-audit.ts'

/**
 * Custom contracts (seed 002 §4.3): a company's negotiated price — a percentage or a flat fee, a
 * yearly commitment with a volume discount, dates — proposed by a platform admin and applying
 * only once a platform admin approves it. Contracts of a company never overlap in time.
 */
const view = (tx: AnyTx) => tx as BillingTx

export interface ContractInput {
  company_id: string
  fee_percentage_bps?: number | null | undefined
  flat_fee?: { amount: bigint; currency: string } | null | undefined
  min_placements_per_year?: number | null | undefined
  discount_percentage_bps?: number | null | undefined
  contract_start_date: string
  contract_end_date?: string | null | undefined
  terms_document_url?: string | null | undefined
  issue_on?: 'hire' | 'guarantee_end' | null | undefined
  fall_off_policy?: 'refund' | 'credit' | null | undefined
}

const fieldError = (field: string, message: string) =>
  new AppError('validation_failed', `${field}: ${message}`, { errors: [{ field, message }] })

export async function createContract(
  tx: AnyTx,
  input: ContractInput,
  createdBy: string,
  now: Date,
): Promise<string> {
  const percentage = input.fee_percentage_bps ?? null
  const flat = input.flat_fee ?? null
  if ((percentage === null) === (flat === null)) {
    throw fieldError('body', 'give either fee_percentage_bps or flat_fee, not both and not neither')
  }
  if (flat && flat.amount <= 0n) throw fieldError('body.flat_fee.amount', 'must be more than zero')
  if (input.contract_end_date && input.contract_end_date < input.contract_start_date) {
    throw fieldError('body.contract_end_date', 'must not be before contract_start_date')
  }
  if ((input.discount_percentage_bps ?? null) !== null && (input.min_placements_per_year ?? null) === null) {
    // allowed (an unconditional discount) — but say so in the audit trail
  }
  if (!(await companyOrganization(tx, input.company_id))) {
    throw new AppError('unprocessable', 'body.company_id: no such company', {
      errors: [{ field: 'body.company_id', message: 'no such company' }],
    })
  }
  try {
    const row = await view(tx)
      .insertInto('billing.custom_contracts')
      .values({
        company_id: input.company_id,
        fee_percentage_bps: percentage,
        flat_fee_cents: flat?.amount ?? null,
        flat_fee_currency: flat?.currency ?? null,
        min_placements_per_year: input.min_placements_per_year ?? null,
        discount_percentage_bps: input.discount_percentage_bps ?? null,
        contract_start_date: input.contract_start_date,
        contract_end_date: input.contract_end_date ?? null,
        terms_document_url: input.terms_document_url ?? null,
        issue_on: input.issue_on ?? null,
        fall_off_policy: input.fall_off_policy ?? null,
        created_by: createdBy,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await writePayoutAudit(tx, {
      entityType: 'contract',
      entityId: row.id,
      action: 'contract.proposed',
      changedByRole: 'platform_admin',
      newValue: { ...input, flat_fee: flat ? { amount: flat.amount, currency: flat.currency } : null },
    })
    return row.id
  } catch (err) {
    if ((err as { constraint?: string }).constraint === 'contracts_do_not_overlap') {
      throw new AppError(
        'contract_overlap',
        'body.contract_start_date: another pending or approved contract of this company covers some of these dates',
        {
          errors: [
            { field: 'body.contract_start_date', message: 'overlaps another contract of the company' },
          ],
        },
      )
    }
    throw err
  }
}

/** A platform admin approves or rejects a pending contract (optimistic: the version must match). */
export async function decideContract(
  tx: AnyTx,
  id: string,
  decision: 'approved' | 'rejected',
  input: { reason?: string | undefined; version: number; adminId: string; now: Date },
): Promise<void> {
  const current = await view(tx)
    .selectFrom('billing.custom_contracts')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  if (!current) throw new AppError('not_found', 'No such contract')
  if (current.status !== 'pending_approval') {
    throw new AppError(
      'invalid_state_transition',
      `This contract is already ${current.status.replace('_', ' ')}`,
    )
  }
  const updated = await view(tx)
    .updateTable('billing.custom_contracts')
    .set({
      status: decision,
      ...(decision === 'approved' ? { approved_by_admin_id: input.adminId, approved_at: input.now } : {}),
      decision_reason: input.reason ?? null,
      version: current.version + 1,
    })
    .where('id', '=', id)
    .where('version', '=', input.version)
    .where('status', '=', 'pending_approval')
    .returning('id')
    .executeTakeFirst()
  updatedOrConflict(updated, 'The contract', input.version)
  await writePayoutAudit(tx, {
    entityType: 'contract',
    entityId: id,
    action: `contract.${decision}`,
    changedByRole: 'platform_admin',
    oldValue: { status: current.status },
    newValue: { status: decision },
    reason: input.reason ?? null,
  })
}

export async function listContracts(
  tx: AnyTx,
  f: {
    companyId?: string | undefined
    status?: string | undefined
    limit: number
    startingAfter?: string | undefined
  },
) {
  let q = view(tx)
    .selectFrom('billing.custom_contracts')
    .selectAll()
    .select(exactTime('created_at'))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
  if (f.companyId) q = q.where('company_id', '=', f.companyId)
  if (f.status) q = q.where('status', '=', f.status)
  if (f.startingAfter) q = q.where(olderThanCursor(f.startingAfter, 'created_at', 'id'))
  const page = timeIdPage(await q.execute(), f.limit)
  const names = new Map<string, string>()
  for (const id of new Set(page.data.map((c) => c.company_id))) {
    names.set(id, (await companyOrganization(tx, id))?.name ?? '')
  }
  return { ...page, data: page.data.map((c) => presentContract(c, names.get(c.company_id) ?? '')) }
}

export async function getContract(tx: AnyTx, id: string) {
  const c = await view(tx)
    .selectFrom('billing.custom_contracts')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  if (!c) throw new AppError('not_found', 'No such contract')
  return presentContract(c, (await companyOrganization(tx, c.company_id))?.name ?? '')
}

function presentContract(
  c: {
    id: string
    company_id: string
    fee_percentage_bps: number | null
    flat_fee_cents: bigint | null
    flat_fee_currency: string | null
    min_placements_per_year: number | null
    discount_percentage_bps: number | null
    contract_start_date: string
    contract_end_date: string | null
    terms_document_url: string | null
    issue_on: string | null
    fall_off_policy: string | null
    status: string
    approved_by_admin_id: string | null
    approved_at: Date | null
    decision_reason: string | null
    created_by: string
    created_at: Date
    version: number
  },
  companyName: string,
) {
  return {
    id: c.id,
    company: { id: c.company_id, name: companyName },
    fee_percentage_bps: c.fee_percentage_bps,
    flat_fee: c.flat_fee_cents !== null ? { amount: c.flat_fee_cents, currency: c.flat_fee_currency! } : null,
    min_placements_per_year: c.min_placements_per_year,
    discount_percentage_bps: c.discount_percentage_bps,
    contract_start_date: c.contract_start_date,
    contract_end_date: c.contract_end_date,
    terms_document_url: c.terms_document_url,
    issue_on: c.issue_on,
    fall_off_policy: c.fall_off_policy,
    status: c.status,
    approved_by_admin_id: c.approved_by_admin_id,
    approved_at: c.approved_at,
    decision_reason: c.decision_reason,
    created_by: c.created_by,
    created_at: c.created_at,
    version: c.version,
  }
}
