import type { MantineColor } from '@mantine/core'
import type { VocabKind } from './use-vocab'

/** One colour per code, so a status reads the same on every screen. */
export const BADGE_COLORS: Partial<Record<VocabKind, Record<string, MantineColor>>> = {
  roleStatuses: { draft: 'gray', open: 'teal', paused: 'yellow', filled: 'indigo', closed: 'dark' },
  stages: {
    submitted: 'blue',
    screening: 'cyan',
    interview: 'violet',
    offer: 'orange',
    hired: 'teal',
    rejected: 'red',
    withdrawn: 'gray',
  },
  ownership: { verified: 'teal', pending: 'yellow', disputed: 'red' },
  disputeStatuses: { recorded: 'gray', disputed: 'orange', upheld: 'teal', overturned: 'grape' },
  placementStatuses: { active: 'teal', fell_off: 'red' },
  splitStatuses: { pending: 'yellow', agreed: 'teal' },
  representationStatuses: { active: 'teal', expired: 'gray', revoked: 'red' },
  invoiceStatuses: {
    draft: 'gray',
    open: 'blue',
    partially_paid: 'yellow',
    paid: 'teal',
    void: 'gray',
    overdue: 'red',
  },
  paymentStatuses: {
    pending: 'gray',
    processing: 'yellow',
    succeeded: 'teal',
    failed: 'red',
    canceled: 'gray',
  },
  refundStatuses: { pending: 'orange', succeeded: 'teal', failed: 'red' },
  contractStatuses: { pending_approval: 'yellow', approved: 'teal', rejected: 'red', ended: 'gray' },
  premiumDesignations: { none: 'gray', urgent: 'orange', niche: 'grape', executive: 'indigo' },
}
