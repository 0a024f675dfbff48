/** OFAIR's masking reason; the masking itself is the conversations module's (shared with Splits Network). */
export { MASK, maskContactDetails } from '../../conversations/index.ts'
export const MASK_REASON = 'contact_details_before_acceptance'
