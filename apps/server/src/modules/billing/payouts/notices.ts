import type { AppContext } from '../../../kernel/context.ts'
import type { AnyTx } from '../../../kernel/db/database.ts'
import { uuidFromName } from '../../../kernel/ids.ts'
import { organizationMemberIds, platformOrganizationId } from '../../identity/index.ts'
import { defineNoticeKinds, notify } from '../../notifications/index.ts'
import { formatAmount } from '../invoices.ts'
import { recruiterUsers } from './shared.ts'

/** What recruiters (and admins) hear about their payouts. */
export const PAYOUT_NOTICES = defineNoticeKinds('billing', {
  'payout.sent': { label: 'A payout to you was sent', audience: ['recruiter'] },
  'payout.returned': {
    label: 'A payout to your bank account failed and the money came back',
    audience: ['recruiter'],
  },
  'payout.account_action_needed': {
    label: 'Your payout account needs something from you before you can be paid',
    audience: ['recruiter'],
  },
  'escrow.released': { label: 'Money held during a guarantee was released to you', audience: ['recruiter'] },
  'escrow.release_undone': {
    label: 'A release of held money was undone: it is held again until the guarantee ends',
    audience: ['recruiter'],
  },
  'payout.needs_attention': {
    label: 'A payout failed after its retries and needs an admin',
    audience: ['platform_admin'],
  },
})

type Kind = keyof typeof PAYOUT_NOTICES

export interface RecruiterNotice {
  kind: Kind
  recruiterId: string
  /** Once per person per source: retrying the same step tells no one twice. */
  sourceName: string
  title: string
  body: string
  link: string
}

/** Tells recruiters (by their recruiter profile id), in the caller's transaction. */
export async function tellRecruiters(ctx: AppContext, tx: AnyTx, notices: readonly RecruiterNotice[]) {
  if (notices.length === 0) return
  const users = await recruiterUsers(tx, [...new Set(notices.map((n) => n.recruiterId))])
  await notify(
    ctx,
    tx,
    notices.flatMap((n) => {
      const userId = users.get(n.recruiterId)
      return userId
        ? [
            {
              kind: n.kind,
              userId,
              title: n.title,
              body: n.body,
              link: n.link,
              sourceId: uuidFromName(n.sourceName),
            },
          ]
        : []
    }),
  )
}

/** Tells the platform's admins (payouts that need a person). */
export async function tellPayoutAdmins(
  ctx: AppContext,
  tx: AnyTx,
  notice: { sourceName: string; title: string; body: string; link: string },
) {
  const platform = await platformOrganizationId(tx, 'splits')
  const admins = platform ? await organizationMemberIds(tx, platform, ['platform_admin']) : []
  await notify(
    ctx,
    tx,
    admins.map((userId) => ({
      kind: 'payout.needs_attention',
      userId,
      title: notice.title,
      body: notice.body,
      link: notice.link,
      sourceId: uuidFromName(notice.sourceName),
    })),
  )
}

export const money = (amount: bigint, currency: string) => formatAmount(amount, currency)
