import { createHash } from 'node:crypto'
import { defineNoticeKinds } from '../../notifications/index.ts'

/** What professionals hear about collection and payouts (Hebrew), in the style of ../notices.ts. */
export const COLLECTION_NOTICES = defineNoticeKinds('ofair', {
  'ofair_collection.failed': {
    label: 'חיוב כרטיס האשראי שלכם נכשל',
    audience: ['professional'],
    sms: true,
    defaults: { push: true },
    quietHours: true,
  },
  'ofair_collection.succeeded': {
    label: 'חייבנו את כרטיס האשראי שלכם',
    audience: ['professional'],
    quietHours: true,
  },
  'ofair_payout.decided': {
    label: 'עדכון על העברה בנקאית אליכם',
    audience: ['professional'],
    quietHours: true,
  },
})

/** A notice's source id (a uuid) derived from a business key, so telling twice does nothing. */
export function noticeSource(key: string): string {
  const h = createHash('sha256').update(key).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`
}
