import { sql } from 'kysely'
import { z } from 'zod'
import type { AppContext } from '../../kernel/context.ts'
import { inTransaction, systemActor } from '../../kernel/db/transaction.ts'
import { uuidFromName } from '../../kernel/ids.ts'
import { defineJob } from '../../kernel/jobs/define-job.ts'
import { organizationMemberIds, platformOrganizationId } from '../identity/index.ts'
import { defineNoticeKinds, notify } from '../notifications/index.ts'
import { companyOrganization, placementFacts } from '../recruiting/index.ts'
import type { BillingTx } from './database.ts'
import { sendPendingRefunds } from './fall-off.ts'
import { formatAmount, invoicePlacement, issueInvoice, tellCompanyAdmins } from './invoices.ts'
import { currentStatement } from './statements.ts'

const view = (tx: unknown) => tx as BillingTx
const today = (ctx: AppContext) => ctx.clock.now().toISOString().slice(0, 10)

export const ADMIN_NOTICES = defineNoticeKinds('billing', {
  'contract.ending': {
    label: 'A company’s custom contract ends within 30 days',
    audience: ['platform_admin'],
  },
})

/** After a fall-off: refunds through the payment provider, outside any transaction, each once. */
export const sendRefundsJob = defineJob({
  name: 'billing.send_refunds',
  description: 'Send the refunds of a fallen-off placement through the payment provider',
  payload: z.object({ placement_id: z.uuid() }),
  retry: { limit: 8, delaySeconds: 30, backoff: true, maxDelaySeconds: 3600 },
  timeoutSeconds: 120,
  concurrency: 2,
  handler: (payload, ctx: AppContext) => sendPendingRefunds(ctx, payload.placement_id),
})

/** On the 1st of each month: last month's monthly invoices are issued. */
export const issueMonthlyInvoicesJob = defineJob({
  name: 'billing.issue_monthly_invoices',
  description: 'Issue the monthly invoices of the month that ended',
  payload: z.object({}),
  retry: { limit: 5, delaySeconds: 60, backoff: true },
  timeoutSeconds: 600,
  concurrency: 1,
  schedule: { cron: '0 5 1 * *', payload: {} },
  handler: async (_payload, ctx: AppContext) => {
    const due = await inTransaction(ctx.db, systemActor('billing.monthly'), (tx) =>
      view(tx)
        .selectFrom('billing.invoices')
        .select(['id', 'company_id'])
        .where('status', '=', 'draft')
        .where('period_end', '<', today(ctx))
        .execute(),
    )
    let issued = 0
    for (const d of due) {
      await inTransaction(ctx.db, systemActor('billing.monthly'), async (tx) => {
        const org = await companyOrganization(tx, d.company_id)
        if (!org) return
        await issueInvoice(ctx, tx, d.id, ctx.clock.now(), { organizationId: org.organizationId })
      })
      issued++
    }
    return { issued }
  },
})

/** Daily: placements invoiced when their guarantee ends are invoiced on that day. */
export const issueGuaranteeEndInvoicesJob = defineJob({
  name: 'billing.issue_guarantee_end_invoices',
  description: 'Invoice placements whose company is invoiced when the guarantee ends',
  payload: z.object({}),
  retry: { limit: 5, delaySeconds: 60, backoff: true },
  timeoutSeconds: 600,
  concurrency: 1,
  schedule: { cron: '30 5 * * *', payload: {} },
  handler: async (_payload, ctx: AppContext) => {
    const waiting = await inTransaction(ctx.db, systemActor('billing.guarantee_end'), async (tx) =>
      sql<{ placement_id: string }>`select s.placement_id from billing.fee_statements s
        where s.version = 1 and not exists (select 1 from billing.invoice_lines l where l.placement_id = s.placement_id)
          and not exists (select 1 from billing.fall_offs f where f.placement_id = s.placement_id)`.execute(
        view(tx),
      ),
    )
    let invoiced = 0
    for (const { placement_id } of waiting.rows) {
      await inTransaction(ctx.db, systemActor('billing.guarantee_end'), async (tx) => {
        const facts = await placementFacts(tx, placement_id)
        const stored = await currentStatement(tx, placement_id)
        if (!facts || !stored || facts.guaranteeEndsOn > today(ctx)) return
        const r = await invoicePlacement(ctx, tx, facts, stored, ctx.clock.now(), { force: true })
        if (r.invoiceId) invoiced++
      })
    }
    return { invoiced }
  },
})

/** Daily: a reminder three days before the due date, and after it on days 1, 7 and 14. */
export const invoiceRemindersJob = defineJob({
  name: 'billing.invoice_reminders',
  description: 'Remind companies of invoices due soon and overdue',
  payload: z.object({}),
  retry: { limit: 3, delaySeconds: 60, backoff: true },
  timeoutSeconds: 600,
  concurrency: 1,
  schedule: { cron: '0 8 * * *', payload: {} },
  handler: async (_payload, ctx: AppContext) => {
    const day = today(ctx)
    return inTransaction(ctx.db, systemActor('billing.reminders'), async (tx) => {
      const open = await view(tx)
        .selectFrom('billing.invoices')
        .select([
          'id',
          'number',
          'company_id',
          'due_on',
          'total',
          'amount_paid',
          'amount_credited',
          'currency',
        ])
        .where('status', 'in', ['open', 'partially_paid'])
        .execute()
      let sent = 0
      for (const i of open) {
        const days = Math.round(
          (Date.parse(`${day}T00:00:00Z`) - Date.parse(`${i.due_on}T00:00:00Z`)) / 86_400_000,
        )
        const owed = formatAmount(i.total - i.amount_paid - i.amount_credited, i.currency)
        const org = await companyOrganization(tx, i.company_id)
        if (!org) continue
        if (days === -3) {
          await tellCompanyAdmins(ctx, tx, org.organizationId, {
            kind: 'invoice.due_soon',
            sourceName: `invoice:${i.id}:due_soon`,
            title: `Invoice ${i.number} is due in 3 days`,
            body: `${owed} is due on ${i.due_on}.`,
            link: `/splits/billing/invoices/${i.id}`,
          })
          sent++
        } else if (days === 1 || days === 7 || days === 14) {
          await tellCompanyAdmins(ctx, tx, org.organizationId, {
            kind: 'invoice.overdue',
            sourceName: `invoice:${i.id}:overdue:${days}`,
            title: `Invoice ${i.number} is overdue`,
            body: `${owed} was due on ${i.due_on} (${days} day${days === 1 ? '' : 's'} ago).`,
            link: `/splits/billing/invoices/${i.id}`,
          })
          sent++
        }
      }
      return { reminders: sent }
    })
  },
})

/** Daily: platform admins hear of approved contracts ending within 30 days, once per contract. */
export const contractExpiryAlertsJob = defineJob({
  name: 'billing.contract_expiry_alerts',
  description: 'Alert platform admins 30 days before a custom contract ends',
  payload: z.object({}),
  retry: { limit: 3, delaySeconds: 60, backoff: true },
  timeoutSeconds: 300,
  concurrency: 1,
  schedule: { cron: '15 8 * * *', payload: {} },
  handler: async (_payload, ctx: AppContext) =>
    inTransaction(ctx.db, systemActor('billing.contracts'), async (tx) => {
      const ending = await view(tx)
        .selectFrom('billing.custom_contracts')
        .select(['id', 'company_id', 'contract_end_date'])
        .where('status', '=', 'approved')
        .where('expiry_alerted_at', 'is', null)
        .where('contract_end_date', 'is not', null)
        .where(sql<boolean>`contract_end_date <= ${today(ctx)}::date + 30`)
        .execute()
      const platform = await platformOrganizationId(tx, 'splits')
      const admins = platform ? await organizationMemberIds(tx, platform, ['platform_admin']) : []
      for (const c of ending) {
        const company = await companyOrganization(tx, c.company_id)
        await notify(
          ctx,
          tx,
          admins.map((userId) => ({
            kind: 'contract.ending',
            userId,
            title: `${company?.name ?? 'A company'}’s contract ends on ${c.contract_end_date}`,
            body: 'Renew it or let it lapse; placements after that date are priced at the standard rates.',
            link: `/admin/finance/contracts/${c.id}`,
            sourceId: uuidFromName(`contract:${c.id}:ending`),
          })),
        )
        await view(tx)
          .updateTable('billing.custom_contracts')
          .set({ expiry_alerted_at: ctx.clock.now() })
          .where('id', '=', c.id)
          .execute()
      }
      return { alerted: ending.length }
    }),
})
