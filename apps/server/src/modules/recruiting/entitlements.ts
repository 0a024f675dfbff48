import type { AnyTx } from '../../kernel/db/database.ts'

/**
 * What a recruiter's plan allows, as recruiting needs to ask it. Plans are billing's, and billing
 * already depends on recruiting, so billing plugs its answer in when it loads
 * (`provideRecruiterEntitlements`) rather than recruiting importing billing. Until then (a test
 * that loads recruiting alone) nothing is limited.
 */
export interface RecruiterEntitlements {
  /** Uses one of the month's new conversations, in the caller's transaction; 429 when spent. */
  useMessageInitiation(tx: AnyTx, recruiterId: string, at: Date): Promise<void>
}

let provided: RecruiterEntitlements = { useMessageInitiation: async () => {} }

export function provideRecruiterEntitlements(entitlements: RecruiterEntitlements): void {
  provided = entitlements
}

export const recruiterEntitlements = (): RecruiterEntitlements => provided
