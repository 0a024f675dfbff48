import { sql } from 'kysely'
import type { AnyTx } from '../../kernel/db/database.ts'
import { AppError } from '../../kernel/errors.ts'
import { beforeIdCursor, pageOf } from '../../kernel/http/pagination.ts'
import { kindTotal, ownerBalances } from '../ledger/index.ts'
import { companyOrganization, roleCompany } from '../recruiting/index.ts'
import { SPLITS_BOOK } from './book.ts'
import type { BillingCaller } from './caller.ts'
import type { BillingTx } from './database.ts'
import { writePayoutAudit } from './payout-audit.ts'

/** The platform's finance at a glance, company billing settings, premium roles, the audit trail. */
const view = (tx: AnyTx) => tx as BillingTx

export async function financeSummary(tx: AnyTx, currency: string, today: string) {
  const months = await sql<{
    month: string
    invoiced: string
    collected: string
    revenue: string
    refunded: string
  }>`
    with m as (
      select to_char(d, 'YYYY-MM') as month
        from generate_series(date_trunc('month', ${today}::date) - interval '11 months', date_trunc('month', ${today}::date), interval '1 month') d
    )
    select m.month,
      coalesce((select sum(total) from billing.invoices i where i.currency = ${currency} and i.issued_on is not null
                 and to_char(i.issued_on, 'YYYY-MM') = m.month), 0)::text as invoiced,
      coalesce((select sum(amount) from billing.payments p where p.currency = ${currency} and p.status = 'succeeded'
                 and to_char(p.created_at, 'YYYY-MM') = m.month), 0)::text as collected,
      coalesce((select sum(a.amount) from billing.payment_allocations a join billing.invoice_lines l on l.id = a.invoice_line_id
                 join billing.invoices i on i.id = l.invoice_id
                where a.party_type = 'platform' and i.currency = ${currency} and to_char(a.created_at, 'YYYY-MM') = m.month), 0)::text as revenue,
      coalesce((select sum(r.amount) from billing.refunds r join billing.payments p on p.id = r.payment_id
                where r.status = 'succeeded' and p.currency = ${currency} and to_char(r.created_at, 'YYYY-MM') = m.month), 0)::text as refunded
    from m order by m.month`.execute(view(tx))
  const ageing = await sql<{ bucket: string; amount: string; invoices: number }>`
    select bucket, coalesce(sum(owed), 0)::text as amount, count(*)::int as invoices from (
      select total - amount_paid - amount_credited as owed,
        case when due_on >= ${today}::date then 'current'
             when ${today}::date - due_on <= 30 then '1-30'
             when ${today}::date - due_on <= 60 then '31-60'
             when ${today}::date - due_on <= 90 then '61-90'
             else '90+' end as bucket
        from billing.invoices where status in ('open', 'partially_paid') and currency = ${currency}) x
    group by bucket`.execute(view(tx))
  const platform = await ownerBalances(tx, { book: SPLITS_BOOK, ownerType: 'platform' })
  const held = await kindTotal(tx, { book: SPLITS_BOOK, kind: 'recruiter_held', currency })
  const credit = await kindTotal(tx, { book: SPLITS_BOOK, kind: 'company_credit', currency })
  const of = (kind: string) =>
    platform.find((b) => b.kind === kind && b.balance.currency === currency)?.balance.posted ?? 0n
  const buckets = ['current', '1-30', '31-60', '61-90', '90+']
  const m = (amount: bigint | string) => ({ amount: BigInt(amount), currency })
  return {
    currency,
    totals: {
      revenue: m(of('revenue')),
      plan_revenue: m(of('plan_revenue')),
      invoiced_not_collected: m(of('invoiced')),
      held_for_recruiters: m(held.posted),
      company_credit: m(credit.posted),
      in_bank: m(of('bank')),
    },
    months: months.rows.map((r) => ({
      month: r.month,
      invoiced: m(r.invoiced),
      collected: m(r.collected),
      revenue: m(r.revenue),
      refunded: m(r.refunded),
    })),
    receivables_ageing: buckets.map((b) => {
      const row = ageing.rows.find((a) => a.bucket === b)
      return { bucket: b, amount: m(row?.amount ?? '0'), invoices: row?.invoices ?? 0 }
    }),
  }
}

export async function payoutAuditTrail(
  tx: AnyTx,
  f: {
    entityType?: string | undefined
    entityId?: string | undefined
    limit: number
    startingAfter?: string | undefined
  },
) {
  let q = view(tx)
    .selectFrom('billing.payout_audit_log')
    .select([
      'id',
      'seq',
      'entity_type',
      'entity_id',
      'action',
      'changed_by',
      'changed_by_role',
      'old_value',
      'new_value',
      'reason',
      'request_id',
      'created_at',
      'hash',
    ])
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
  if (f.entityType) q = q.where('entity_type', '=', f.entityType)
  if (f.entityId) q = q.where('entity_id', '=', f.entityId)
  if (f.startingAfter) q = q.where('id', '<', beforeIdCursor(f.startingAfter))
  return pageOf(await q.execute(), f.limit, (r) => [r.id])
}

export type InvoiceGrouping = 'per_placement' | 'monthly'

export async function getBillingSettings(tx: AnyTx, caller: BillingCaller, companyId: string) {
  if (!caller.isPlatformAdmin && !caller.adminCompanyIds.includes(companyId)) {
    throw new AppError('not_found', 'No such company')
  }
  if (!(await companyOrganization(tx, companyId))) throw new AppError('not_found', 'No such company')
  const s = await view(tx)
    .selectFrom('billing.company_settings')
    .selectAll()
    .where('company_id', '=', companyId)
    .executeTakeFirst()
  return {
    company_id: companyId,
    invoice_grouping: (s?.invoice_grouping ?? 'per_placement') as InvoiceGrouping,
    issue_on: (s?.issue_on ?? 'hire') as 'hire' | 'guarantee_end',
    fall_off_policy: (s?.fall_off_policy ?? 'refund') as 'refund' | 'credit',
    version: s?.version ?? 0,
  }
}

/** A company's admins choose how they are invoiced; optimistic on `version` (0 before the first save). */
export async function setBillingSettings(
  tx: AnyTx,
  caller: BillingCaller,
  companyId: string,
  input: {
    invoice_grouping: InvoiceGrouping
    issue_on: 'hire' | 'guarantee_end'
    fall_off_policy: 'refund' | 'credit'
    version: number
  },
  now: Date,
) {
  const before = await getBillingSettings(tx, caller, companyId)
  if (before.version !== input.version) {
    throw new AppError(
      'version_conflict',
      'The billing settings changed since you loaded them; reload and try again',
      {
        meta: { expected_version: input.version, current_version: before.version },
      },
    )
  }
  const values = {
    invoice_grouping: input.invoice_grouping,
    issue_on: input.issue_on,
    fall_off_policy: input.fall_off_policy,
    updated_at: now,
    updated_by: caller.userId,
  }
  const saved = await view(tx)
    .insertInto('billing.company_settings')
    .values({ company_id: companyId, ...values, version: 1 })
    .onConflict((oc) =>
      oc
        .column('company_id')
        .doUpdateSet({ ...values, version: sql<number>`billing.company_settings.version + 1` })
        .where('billing.company_settings.version', '=', input.version),
    )
    .returning('version')
    .executeTakeFirst()
  if (!saved || (input.version === 0 && saved.version !== 1)) {
    throw new AppError(
      'version_conflict',
      'The billing settings changed since you loaded them; reload and try again',
    )
  }
  await writePayoutAudit(tx, {
    entityType: 'company',
    entityId: companyId,
    action: 'company.billing_settings_changed',
    changedByRole: caller.isPlatformAdmin ? 'platform_admin' : 'company_admin',
    oldValue: before,
    newValue: input,
  })
  return getBillingSettings(tx, caller, companyId)
}

/** Marks a role premium (urgent, niche, executive) or not; its team and platform admins may. */
export async function setRolePremium(
  tx: AnyTx,
  caller: BillingCaller,
  roleId: string,
  premium: { designation: 'urgent' | 'niche' | 'executive'; recruiter_bonus_bps: number } | null,
  now: Date,
) {
  const role = await roleCompany(tx, roleId)
  if (!role || !(caller.isPlatformAdmin || caller.teamCompanyIds.includes(role.companyId))) {
    throw new AppError('not_found', 'No such role')
  }
  if (premium) {
    await view(tx)
      .insertInto('billing.role_premiums')
      .values({ role_id: roleId, ...premium, set_by: caller.userId, set_at: now })
      .onConflict((oc) =>
        oc.column('role_id').doUpdateSet({ ...premium, set_by: caller.userId, set_at: now }),
      )
      .execute()
  } else {
    await view(tx).deleteFrom('billing.role_premiums').where('role_id', '=', roleId).execute()
  }
  return getRolePremium(tx, roleId)
}

export async function getRolePremium(tx: AnyTx, roleId: string) {
  const p = await view(tx)
    .selectFrom('billing.role_premiums')
    .selectAll()
    .where('role_id', '=', roleId)
    .executeTakeFirst()
  return {
    role_id: roleId,
    premium: p
      ? {
          designation: p.designation as 'urgent' | 'niche' | 'executive',
          recruiter_bonus_bps: p.recruiter_bonus_bps,
        }
      : null,
  }
}
