import { defineNoticeKinds } from '../../notifications/index.ts'

/** What professionals hear about collection and payouts (Hebrew), in the style of ../notices.ts. */
export const COLLECTION_NOTICES = defineNoticeKinds('ofair', {
  'ofair_collection.failed': { label: 'חיוב כרטיס האשראי שלכם נכשל', audience: ['professional'] },
  'ofair_collection.succeeded': { label: 'חייבנו את כרטיס האשראי שלכם', audience: ['professional'] },
  'ofair_payout.decided': { label: 'עדכון על העברה בנקאית אליכם', audience: ['professional'] },
})
