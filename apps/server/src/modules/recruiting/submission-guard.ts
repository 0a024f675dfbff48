import type { AnyTx } from '../../kernel/db/database.ts'

/**
 * Asked in the submission command's transaction before anything is written: may this recruiter
 * submit now? Fraud detection plugs its answer in when it loads (`provideSubmissionGuard`, like
 * `provideRecruiterEntitlements`) rather than recruiting importing fraud; a guard refuses by
 * throwing an AppError (fraud: 403 `recruiter_on_fraud_hold`). Until then nothing is refused.
 */
export type SubmissionGuard = (tx: AnyTx, input: { recruiterId: string; now: Date }) => Promise<void>

let provided: SubmissionGuard = async () => {}

export function provideSubmissionGuard(guard: SubmissionGuard): void {
  provided = guard
}

export const submissionGuard = (): SubmissionGuard => provided
