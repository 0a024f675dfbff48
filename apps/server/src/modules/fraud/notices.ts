import type { AppContext } from '../../kernel/context.ts'
import type { AnyTx } from '../../kernel/db/database.ts'
import { uuidFromName } from '../../kernel/ids.ts'
import { organizationMemberIds, platformOrganizationId } from '../identity/index.ts'
import { defineNoticeKinds, notify } from '../notifications/index.ts'

/** What platform admins hear from fraud detection (in-app and email, the kind's defaults). */
export const FRAUD_NOTICES = defineNoticeKinds('fraud', {
  'fraud.signal_raised': {
    label: 'A high or critical fraud signal was raised',
    audience: ['platform_admin'],
    urgent: true,
  },
})

/** Tells every platform admin of Splits Network about a serious signal, once per signal. */
export async function alertAdmins(
  ctx: AppContext,
  tx: AnyTx,
  signal: { id: string; type: string; severity: string; explanation: string },
) {
  const platform = await platformOrganizationId(tx, 'splits')
  const admins = platform ? await organizationMemberIds(tx, platform, ['platform_admin']) : []
  await notify(
    ctx,
    tx,
    admins.map((userId) => ({
      kind: 'fraud.signal_raised',
      userId,
      title: `${signal.severity === 'critical' ? 'Critical' : 'High'} fraud signal: ${signal.type.replaceAll('_', ' ')}`,
      body: signal.explanation,
      link: `/admin/fraud/${signal.id}`,
      sourceId: uuidFromName(`fraud.signal:${signal.id}`),
      urgent: true,
    })),
  )
}
