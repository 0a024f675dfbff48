import { z } from 'zod'
import { ZMoneyOut, ZShekelsIn } from '../schemas.ts'

export const ZCompleteJobIn = z.strictObject({ final_amount: ZShekelsIn })
export const ZDisputeIn = z.strictObject({ reason: z.string().trim().min(1).max(2000) })
export const ZDisputeResponseIn = z.strictObject({
  response: z.string().trim().min(1).max(2000).describe('The answering side’s statement (plain text)'),
})
export const ZResolveDisputeIn = z.strictObject({
  outcome: z.enum(['release', 'partial', 'refund']),
  amount: ZShekelsIn.optional().describe('partial: the amount refunded to the customer'),
  note: z.string().trim().min(1).max(2000),
})
export const ZWithdrawIn = z.strictObject({ amount: ZShekelsIn })
export const ZDecisionIn = z.strictObject({ note: z.string().trim().max(1000).optional() })
export const ZProParams = z.strictObject({ pro_id: z.uuid() })
export const ZProfessionalParams = z.strictObject({ professional_id: z.uuid() })
export const ZDisputesQuery = z.strictObject({ status: z.enum(['open', 'resolved']).optional() })
export const ZWithdrawalsQuery = z.strictObject({
  status: z.enum(['requested', 'approved', 'rejected']).optional(),
})

const ZPro = z.object({ id: z.string(), display_name: z.string() })

export const ZPayment = z.object({
  id: z.string(),
  lead_id: z.string(),
  lead_title: z.string(),
  lead_type: z.string(),
  proposal_id: z.string(),
  performer: ZPro,
  settlement_mode: z.string(),
  status: z.string(),
  final_amount: ZMoneyOut,
  platform_commission: ZMoneyOut.nullable(),
  platform_commission_percentage: z.number(),
  referrer_fee: ZMoneyOut,
  professional_net_amount: ZMoneyOut.nullable(),
  referrer_fees: z.array(
    z.object({
      level: z.number(),
      referrer: ZPro,
      referral_id: z.string().nullable(),
      share_percentage: z.number(),
      fee: ZMoneyOut,
    }),
  ),
  subscriber_rate: z.boolean(),
  rule_version: z.string(),
  completed_at: z.string(),
  confirmed_at: z.string().nullable(),
  paid_at: z.string().nullable(),
  hold_until: z.string().nullable(),
  released_at: z.string().nullable(),
  psp_provider: z.string().nullable(),
  dispute: z
    .object({
      id: z.string(),
      status: z.string(),
      opened_by_role: z.string(),
      reason: z.string(),
      response: z.string().nullable().describe('The other side’s statement, once given'),
      responded_at: z.string().nullable(),
      outcome: z.string().nullable(),
      resolution_note: z.string().nullable(),
    })
    .nullable(),
  you: z.object({ is_owner: z.boolean(), is_performer: z.boolean(), is_referrer: z.boolean() }),
  ledger: z
    .array(
      z.object({
        id: z.string(),
        kind: z.string(),
        description: z.string(),
        reverses: z.string().nullable(),
        reversed_by: z.string().nullable(),
        effective_at: z.string(),
        entries: z.array(
          z.object({
            account_kind: z.string(),
            owner_type: z.string(),
            owner_id: z.string().nullable(),
            direction: z.string(),
            amount: ZMoneyOut,
          }),
        ),
      }),
    )
    .describe('Admins: the ledger postings of this job'),
  version: z.number(),
})

export const ZWithdrawal = z.object({
  id: z.string(),
  professional_id: z.string(),
  amount: ZMoneyOut,
  status: z.string(),
  note: z.string().nullable(),
  created_at: z.string(),
  decided_at: z.string().nullable(),
})

export const ZBalanceReport = z.object({
  professional_id: z.string(),
  balance: ZMoneyOut.describe('Net: positive = owed to the professional, negative = they owe'),
  available: ZMoneyOut,
  pending: ZMoneyOut,
  owed: ZMoneyOut,
  withdrawals_pending: ZMoneyOut,
  entries: z.array(
    z.object({
      id: z.string(),
      posting_id: z.string(),
      account: z.string(),
      direction: z.string(),
      amount: ZMoneyOut,
      balance_after: ZMoneyOut,
      kind: z.string(),
      description: z.string(),
      effective_at: z.string(),
      role: z.string().nullable(),
      lead_payment_id: z.string().nullable(),
      lead_id: z.string().nullable(),
      lead_title: z.string().nullable(),
      withdrawal_id: z.string().nullable(),
    }),
  ),
  withdrawals: z.array(ZWithdrawal),
})

export const ZDispute = z.object({
  id: z.string(),
  lead_payment_id: z.string(),
  lead_id: z.string(),
  lead_title: z.string(),
  opened_by_role: z.string(),
  reason: z.string(),
  status: z.string(),
  outcome: z.string().nullable(),
  refund_amount: ZMoneyOut.nullable(),
  resolution_note: z.string().nullable(),
  final_amount: ZMoneyOut,
  settlement_mode: z.string(),
  created_at: z.string(),
  resolved_at: z.string().nullable(),
})

export const ZCommissions = z.object({
  months: z.array(
    z.object({
      month: z.string(),
      jobs: z.number(),
      final_amount: ZMoneyOut,
      platform_commission: ZMoneyOut,
      referrer_fees: ZMoneyOut,
    }),
  ),
  jobs: z.array(
    z.object({
      id: z.string(),
      lead_id: z.string(),
      lead_title: z.string(),
      lead_type: z.string(),
      performer: ZPro,
      settlement_mode: z.string(),
      status: z.string(),
      final_amount: ZMoneyOut,
      platform_commission: ZMoneyOut,
      platform_commission_percentage: z.number(),
      referrer_fee: ZMoneyOut,
      professional_net_amount: ZMoneyOut,
      rule_version: z.string(),
      completed_at: z.string(),
      confirmed_at: z.string().nullable(),
    }),
  ),
})

export const ZProBalance = z.object({
  professional_id: z.string(),
  display_name: z.string(),
  balance: ZMoneyOut,
  available: ZMoneyOut,
  pending: ZMoneyOut,
  owed: ZMoneyOut,
})

export const ZSettlementSettings = z.object({
  settlement_mode: z.enum(['b2b', 'captured']),
  hold_days: z.number(),
  subscriber_consumer_commission_percentage: z.number(),
  subscriber_professional_commission_percentage: z.number(),
  rule_version: z.string(),
})
export const ZSettlementSettingsIn = z.strictObject({
  settlement_mode: z.enum(['b2b', 'captured']).optional(),
  hold_days: z.number().int().min(0).max(90).optional(),
})
