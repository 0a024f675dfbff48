import { z } from 'zod'
import { ZIdParams } from '../../../kernel/http/schemas.ts'
import type { OfairCaller } from '../caller.ts'
import { refuse } from '../messages.ts'
import { ofairRoute as route, who } from '../route.ts'
import { commissionsReport, disputeQueue, paymentView, withdrawalQueue } from './queries.ts'
import {
  ZBalanceReport,
  ZCommissions,
  ZCompleteJobIn,
  ZDecisionIn,
  ZDispute,
  ZDisputeIn,
  ZDisputeResponseIn,
  ZDisputesQuery,
  ZPayment,
  ZProBalance,
  ZProfessionalParams,
  ZProParams,
  ZResolveDisputeIn,
  ZSettlementSettings,
  ZSettlementSettingsIn,
  ZWithdrawal,
  ZWithdrawalsQuery,
  ZWithdrawIn,
} from './schemas.ts'
import {
  answerDispute,
  completeJob,
  confirmJob,
  openDispute,
  releasePayment,
  resolveDispute,
  settlementSettings,
} from './service.ts'
import {
  allBalances,
  balanceReport,
  decideWithdrawal,
  presentWithdrawal,
  requestWithdrawal,
} from './wallet.ts'

const tags = ['ofair-settlement']
const adminTags = ['ofair-admin']

function signedIn(caller: OfairCaller) {
  if (!caller.userId) throw refuse('unauthenticated', 'Sign in first')
}

export const settlementRoutes = [
  route.define({
    method: 'POST',
    url: '/api/ofair/proposals/:id/complete',
    operationId: 'completeOfairJob',
    summary: 'The performer marks the accepted job done with its final amount',
    description:
      'Computes the platform’s commission (10% of a consumer job, 5% of a referred one; the reduced rate for subscribers), each referral level’s fee and the performer’s net, and stores them with the rates and the rule version. The lead’s owner then confirms or disputes. Refused: a final amount below the lead’s minimum (`final_amount_below_minimum`), shares that leave the performer less than nothing (`performer_part_negative`).',
    tags,
    access: who.professional,
    params: ZIdParams,
    body: ZCompleteJobIn,
    errors: [409, 422],
    idempotent: true,
    response: ZPayment,
    handler: async ({ tx, caller, params, body, ctx }) => {
      const id = await completeJob(tx, caller, params.id, body.final_amount.amount, ctx.clock.now())
      return paymentView(tx, caller, { id })
    },
  }),
  route.define({
    method: 'POST',
    url: '/api/ofair/proposals/:id/confirm',
    operationId: 'confirmOfairJob',
    summary: 'The lead’s owner confirms the job done',
    description:
      'B2B (default): the commission and the referral fees are booked as one balanced ledger posting; the lead closes as completed with the final amount. Captured payments: the lead closes and the payment waits for the customer. A second confirmation is a 409 `already_confirmed`.',
    tags,
    access: who.members,
    params: ZIdParams,
    errors: [409],
    idempotent: true,
    response: ZPayment,
    handler: async ({ tx, caller, params, ctx }) => {
      signedIn(caller)
      const id = await confirmJob(tx, caller, params.id, ctx.clock.now())
      return paymentView(tx, caller, { id })
    },
  }),
  route.define({
    method: 'POST',
    url: '/api/ofair/proposals/:id/dispute/response',
    operationId: 'answerOfairDispute',
    summary: 'The other party gives its side of an open dispute (once)',
    description:
      'Only the party who did not open the dispute, while it is open. Refused: no open dispute (`dispute_not_open`), the opener (`dispute_own`), a second answer (`dispute_already_answered`).',
    tags,
    access: who.members,
    params: ZIdParams,
    body: ZDisputeResponseIn,
    errors: [409, 422],
    response: ZPayment,
    handler: async ({ tx, caller, params, body, ctx }) => {
      signedIn(caller)
      await answerDispute(tx, caller, params.id, body.response, ctx.clock.now())
      const { id } = await tx
        .selectFrom('ofair.lead_payments')
        .select('id')
        .where('proposal_id', '=', params.id)
        .executeTakeFirstOrThrow()
      return paymentView(tx, caller, { id })
    },
  }),
  route.define({
    method: 'POST',
    url: '/api/ofair/proposals/:id/dispute',
    operationId: 'disputeOfairJob',
    summary: 'Either party disputes the job (before settlement, or inside the hold period)',
    tags,
    access: who.members,
    params: ZIdParams,
    body: ZDisputeIn,
    errors: [409],
    response: ZPayment,
    handler: async ({ tx, caller, params, body, ctx }) => {
      signedIn(caller)
      await openDispute(tx, caller, params.id, body.reason, ctx.clock.now())
      return paymentView(tx, caller, {
        id: (
          await tx
            .selectFrom('ofair.lead_payments')
            .select('id')
            .where('proposal_id', '=', params.id)
            .executeTakeFirstOrThrow()
        ).id,
      })
    },
  }),
  route.define({
    method: 'GET',
    url: '/api/ofair/payments/:id',
    operationId: 'getOfairPayment',
    summary: 'A job’s payment: final amount, commission, referral fees, the performer’s net, status',
    description:
      'The performer, the lead’s owner and admins see every figure (admins also the ledger postings); a referrer in the chain sees their own fee.',
    tags,
    access: who.members,
    params: ZIdParams,
    response: ZPayment,
    handler: async ({ tx, caller, params }) => paymentView(tx, caller, { id: params.id }),
  }),
  route.define({
    method: 'GET',
    url: '/api/ofair/leads/:id/payment',
    operationId: 'getOfairLeadPayment',
    summary: 'The payment of a lead’s job (as GET /api/ofair/payments/{id})',
    tags,
    access: who.members,
    params: ZIdParams,
    response: ZPayment,
    handler: async ({ tx, caller, params }) => paymentView(tx, caller, { leadId: params.id }),
  }),
  route.define({
    method: 'GET',
    url: '/api/ofair/balances/:pro_id',
    operationId: 'getOfairBalance',
    summary: 'A professional’s balance (debts netted against credits), pending funds and every ledger entry',
    tags,
    access: who.professionalOrAdmin,
    params: ZProParams,
    response: ZBalanceReport,
    handler: async ({ tx, caller, params }) => balanceReport(tx, caller, params.pro_id),
  }),
  route.define({
    method: 'POST',
    url: '/api/ofair/wallets/:professional_id/withdraw',
    operationId: 'withdrawOfairWallet',
    summary: 'A professional asks to withdraw from their available balance (an admin approves)',
    tags,
    access: who.professional,
    params: ZProfessionalParams,
    body: ZWithdrawIn,
    errors: [409, 422],
    status: 201,
    response: ZWithdrawal,
    handler: async ({ tx, caller, params, body, ctx }) => {
      const id = await requestWithdrawal(
        tx,
        caller,
        params.professional_id,
        body.amount.amount,
        ctx.clock.now(),
      )
      return presentWithdrawal(
        await tx.selectFrom('ofair.withdrawals').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
      )
    },
  }),
  route.define({
    method: 'GET',
    url: '/api/ofair/admin/withdrawals',
    operationId: 'listOfairWithdrawals',
    summary: 'Withdrawals, oldest first',
    tags: adminTags,
    access: who.admin,
    query: ZWithdrawalsQuery,
    response: z.object({ data: z.array(ZWithdrawal.extend({ display_name: z.string() })) }),
    handler: async ({ tx, query }) => ({ data: await withdrawalQueue(tx, query.status) }),
  }),
  ...(['approve', 'reject'] as const).map((action) =>
    route.define({
      method: 'POST',
      url: `/api/ofair/admin/withdrawals/:id/${action}`,
      operationId: action === 'approve' ? 'approveOfairWithdrawal' : 'rejectOfairWithdrawal',
      summary:
        action === 'approve'
          ? 'Approve a withdrawal: the reserved amount moves to payout clearing'
          : 'Reject a withdrawal: the reserved amount is available again',
      tags: adminTags,
      access: who.admin,
      params: ZIdParams,
      body: ZDecisionIn,
      errors: [409],
      response: ZWithdrawal,
      handler: async ({ tx, caller, params, body, ctx }) => {
        await decideWithdrawal(
          tx,
          caller,
          params.id,
          action === 'approve' ? 'approved' : 'rejected',
          body.note,
          ctx.clock.now(),
        )
        return presentWithdrawal(
          await tx
            .selectFrom('ofair.withdrawals')
            .selectAll()
            .where('id', '=', params.id)
            .executeTakeFirstOrThrow(),
        )
      },
    }),
  ),
  route.define({
    method: 'GET',
    url: '/api/ofair/admin/disputes',
    operationId: 'listOfairDisputes',
    summary: 'The disputes queue, oldest first',
    tags: adminTags,
    access: who.admin,
    query: ZDisputesQuery,
    response: z.object({ data: z.array(ZDispute) }),
    handler: async ({ tx, query }) => ({ data: await disputeQueue(tx, query.status) }),
  }),
  route.define({
    method: 'POST',
    url: '/api/ofair/admin/resolve-dispute/:id',
    operationId: 'resolveOfairDispute',
    summary: 'Resolve a dispute: release, partial (the amount refunded) or refund, with a note',
    description: 'What was booked is never edited: reversing postings and new postings only. Audited.',
    tags: adminTags,
    access: who.admin,
    params: ZIdParams,
    body: ZResolveDisputeIn,
    errors: [409],
    response: ZPayment,
    handler: async ({ tx, caller, params, body, ctx }) => {
      await resolveDispute(
        tx,
        caller,
        params.id,
        { outcome: body.outcome, amount: body.amount?.amount, note: body.note },
        ctx.clock.now(),
      )
      const d = await tx
        .selectFrom('ofair.disputes')
        .select('lead_payment_id')
        .where('id', '=', params.id)
        .executeTakeFirstOrThrow()
      return paymentView(tx, caller, { id: d.lead_payment_id })
    },
  }),
  route.define({
    method: 'POST',
    url: '/api/ofair/admin/payments/:id/release',
    operationId: 'releaseOfairPayment',
    summary: 'Captured payments: release a paid job’s funds before the hold period ends',
    tags: adminTags,
    access: who.admin,
    params: ZIdParams,
    errors: [409],
    response: ZPayment,
    handler: async ({ tx, caller, params, ctx }) => {
      await releasePayment(tx, caller, params.id, ctx.clock.now(), true)
      return paymentView(tx, caller, { id: params.id })
    },
  }),
  route.define({
    method: 'GET',
    url: '/api/ofair/admin/finance/commissions',
    operationId: 'getOfairCommissions',
    summary: 'Commissions by month (Asia/Jerusalem, by confirmation) and the jobs behind them',
    tags: adminTags,
    access: who.admin,
    response: ZCommissions,
    handler: async ({ tx }) => commissionsReport(tx),
  }),
  route.define({
    method: 'GET',
    url: '/api/ofair/admin/finance/balances',
    operationId: 'listOfairBalances',
    summary: 'Every professional’s balance, pending funds and debt',
    tags: adminTags,
    access: who.admin,
    response: z.object({ data: z.array(ZProBalance) }),
    handler: async ({ tx }) => ({ data: await allBalances(tx) }),
  }),
  route.define({
    method: 'GET',
    url: '/api/ofair/admin/settlement-settings',
    operationId: 'getOfairSettlementSettings',
    summary: 'The settlement mode (B2B or captured payments), the hold period and subscribers’ rates',
    tags: adminTags,
    access: who.admin,
    response: ZSettlementSettings,
    handler: async ({ tx }) => presentSettings(await settlementSettings(tx)),
  }),
  route.define({
    method: 'PUT',
    url: '/api/ofair/admin/settlement-settings',
    operationId: 'updateOfairSettlementSettings',
    summary: 'Switch the settlement mode for new jobs, or change the hold period',
    tags: adminTags,
    access: who.admin,
    body: ZSettlementSettingsIn,
    response: ZSettlementSettings,
    handler: async ({ tx, caller, body, ctx }) => {
      const before = await settlementSettings(tx)
      await tx
        .updateTable('ofair.settlement_settings')
        .set({
          ...(body.settlement_mode ? { settlement_mode: body.settlement_mode } : {}),
          ...(body.hold_days !== undefined ? { hold_days: body.hold_days } : {}),
          updated_at: ctx.clock.now(),
          updated_by: caller.userId,
          version: before.version + 1,
        })
        .execute()
      const after = await settlementSettings(tx)
      const { appendAudit } = await import('../../../kernel/audit/audit.ts')
      await appendAudit(tx, {
        action: 'ofair.settlement_settings_changed',
        entityType: 'ofair_settlement_settings',
        before: presentSettings(before),
        after: presentSettings(after),
        actorRole: 'ofair_admin',
      })
      return presentSettings(after)
    },
  }),
]

function presentSettings(s: Awaited<ReturnType<typeof settlementSettings>>) {
  return {
    settlement_mode: s.settlement_mode as 'b2b' | 'captured',
    hold_days: s.hold_days,
    subscriber_consumer_commission_percentage: s.subscriber_consumer_commission_bps / 100,
    subscriber_professional_commission_percentage: s.subscriber_professional_commission_bps / 100,
    rule_version: s.rule_version,
  }
}
