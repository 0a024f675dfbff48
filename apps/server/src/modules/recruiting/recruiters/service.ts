import { requireRecruiter, type SplitsCaller } from '../caller.ts'
import type { RecruitingTx } from '../database.ts'
import type { TRecruiterProfileUpdate } from './schemas.ts'

/** The recruiter changes their own profile and specialisations. */
export async function updateMyRecruiterProfile(
  tx: RecruitingTx,
  caller: SplitsCaller,
  input: TRecruiterProfileUpdate,
  now: Date,
): Promise<void> {
  const id = requireRecruiter(caller)
  const { specializations, ...profile } = input
  if (Object.keys(profile).length) {
    await tx
      .updateTable('network.recruiters')
      .set({ ...profile, updated_at: now })
      .where('id', '=', id)
      .execute()
  }
  if (specializations) {
    await tx
      .updateTable('network.recruiter_specializations')
      .set({ ...specializations, updated_at: now })
      .where('recruiter_id', '=', id)
      .execute()
  }
}
