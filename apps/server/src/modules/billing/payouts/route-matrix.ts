import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import { type MatrixContext, other, type RouteCase } from '../../../security/route-cases.ts'
import { recruiterIdOfUser } from '../../recruiting/index.ts'
import { view } from './shared.ts'

/**
 * Rachel's payout documents on the matrix's fixture placement (a Connect account, an escrow hold, a
 * payout), made once, for the cross-tenant checks: another recruiter must get 404 for each.
 */
let rachels: Promise<{ account: string; hold: string; payout: string }> | undefined
function rachelsPayoutThings(m: MatrixContext) {
  rachels ??= (async () => {
    const { placement } = await m.fixture()
    const userId = await m.userId('recruiter')
    return inTransaction(m.ctx.db, systemActor('matrix'), async (tx) => {
      const recruiterId = (await recruiterIdOfUser(tx, userId))!
      const account = 'acct_MatrixRachel0001'
      await view(tx)
        .insertInto('billing.connect_accounts')
        .values({ recruiter_id: recruiterId, stripe_account_id: account })
        .onConflict((oc) => oc.column('recruiter_id').doNothing())
        .execute()
      const hold = await view(tx)
        .insertInto('billing.escrow_holds')
        .values({
          placement_id: placement,
          recruiter_id: recruiterId,
          hold_amount: 1000n,
          currency: 'USD',
          holdback_bps: 2000,
          release_scheduled_date: '2026-08-30',
          ledger_hold_id: crypto.randomUUID(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      const payout = await view(tx)
        .insertInto('billing.payouts')
        .values({
          placement_id: placement,
          recruiter_id: recruiterId,
          currency: 'USD',
          gross_amount: 4000n,
          amount: 4000n,
          method: 'manual_bank',
          transfer_group: `placement_${placement}`,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return { account, hold: hold.id, payout: payout.id }
    })
  })()
  return rachels
}

const placementOf = other('third-recruiter', (f) => ({ id: f.placement }))

/** Who may call each payouts route, and how the security test proves it. */
export const payoutsRouteMatrix: Record<string, RouteCase> = {
  'POST /api/stripe/connect/onboard': { access: 'roles', wrongRole: 'company-admin' },
  'GET /api/stripe/connect/me': { access: 'roles', wrongRole: 'candidate' },
  'GET /api/stripe/connect/status/:account_id': {
    access: 'roles',
    wrongRole: 'company-admin',
    crossTenant: {
      intruder: 'third-recruiter',
      params: async (m) => ({ account_id: (await rachelsPayoutThings(m)).account }),
      expect: 404,
    },
  },
  'GET /api/escrow-holds': {
    access: 'roles',
    wrongRole: 'company-admin',
    crossTenant: {
      intruder: 'third-recruiter',
      params: async (m) => {
        await rachelsPayoutThings(m)
        return {}
      },
      expect: 'empty-list',
    },
  },
  'POST /api/escrow-holds/process-due': { access: 'roles', wrongRole: 'recruiter' },
  'GET /api/escrow-holds/:id': {
    access: 'roles',
    wrongRole: 'hiring-manager',
    crossTenant: {
      intruder: 'third-recruiter',
      params: async (m) => ({ id: (await rachelsPayoutThings(m)).hold }),
      expect: 404,
    },
  },
  'POST /api/escrow-holds/:id/release': { access: 'roles', wrongRole: 'recruiter' },
  'POST /api/escrow-holds/:id/cancel': { access: 'roles', wrongRole: 'company-admin' },
  'GET /api/placements/:id/escrow-holds': {
    access: 'roles',
    wrongRole: 'company-admin',
    crossTenant: placementOf,
  },
  'GET /api/placements/:id/escrow-holds/total': {
    access: 'roles',
    wrongRole: 'candidate',
    crossTenant: placementOf,
  },
  'GET /api/payout-schedules': { access: 'roles', wrongRole: 'recruiter' },
  'POST /api/payout-schedules': { access: 'roles', wrongRole: 'recruiter' },
  'POST /api/payout-schedules/process-due': { access: 'roles', wrongRole: 'company-admin' },
  'GET /api/payout-schedules/:id': { access: 'roles', wrongRole: 'recruiter' },
  'PATCH /api/payout-schedules/:id': { access: 'roles', wrongRole: 'recruiter' },
  'POST /api/payout-schedules/:id/trigger': { access: 'roles', wrongRole: 'agency-recruiter' },
  'GET /api/payouts': {
    access: 'roles',
    wrongRole: 'company-admin',
    crossTenant: {
      intruder: 'third-recruiter',
      params: async (m) => {
        await rachelsPayoutThings(m)
        return {}
      },
      expect: 'empty-list',
    },
  },
  'POST /api/payouts': { access: 'roles', wrongRole: 'recruiter' },
  'GET /api/payouts/batch.csv': { access: 'roles', wrongRole: 'recruiter' },
  'GET /api/payouts/:id': {
    access: 'roles',
    wrongRole: 'company-admin',
    crossTenant: {
      intruder: 'third-recruiter',
      params: async (m) => ({ id: (await rachelsPayoutThings(m)).payout }),
      expect: 404,
    },
  },
  'POST /api/payouts/:id/process': { access: 'roles', wrongRole: 'recruiter' },
  'GET /api/payouts/:id/audit-log': { access: 'roles', wrongRole: 'recruiter' },
  'POST /api/payouts/:id/mark-paid': { access: 'roles', wrongRole: 'recruiter' },
  'POST /api/payouts/:id/mark-failed': { access: 'roles', wrongRole: 'agency-recruiter' },
  'GET /api/me/earnings': { access: 'roles', wrongRole: 'company-admin' },
  'GET /api/placements/:id/payouts': {
    access: 'roles',
    wrongRole: 'hiring-manager',
    crossTenant: placementOf,
  },
  'GET /api/admin/payouts/summary': { access: 'roles', wrongRole: 'recruiter' },
  'GET /api/companies/:id/payout-terms': { access: 'roles', wrongRole: 'company-admin' },
  'PUT /api/companies/:id/payout-terms': { access: 'roles', wrongRole: 'company-admin' },
}
