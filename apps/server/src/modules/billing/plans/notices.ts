import type { AppContext } from '../../../kernel/context.ts'
import type { AnyTx } from '../../../kernel/db/database.ts'
import { uuidFromName } from '../../../kernel/ids.ts'
import { defineNoticeKinds, notify } from '../../notifications/index.ts'
import { recruiterUserIds } from '../../recruiting/index.ts'

/** What recruiters hear about their plan. */
export const PLAN_NOTICES = defineNoticeKinds('billing', {
  'plan.changed': { label: 'Your plan started, changed or ended', audience: ['recruiter'] },
  'plan.payment_failed': {
    label: 'A payment for your plan failed (we retry; update your card)',
    audience: ['recruiter'],
  },
})

export async function tellRecruiter(
  ctx: AppContext,
  tx: AnyTx,
  n: {
    kind: keyof typeof PLAN_NOTICES
    recruiterId: string
    sourceName: string
    title: string
    body: string
  },
) {
  const users = await recruiterUserIds(tx, [n.recruiterId])
  const userId = users.get(n.recruiterId)
  if (!userId) return
  await notify(ctx, tx, [
    {
      kind: n.kind,
      userId,
      title: n.title,
      body: n.body,
      link: '/splits/plans',
      sourceId: uuidFromName(n.sourceName),
      urgent: n.kind === 'plan.payment_failed',
    },
  ])
}
