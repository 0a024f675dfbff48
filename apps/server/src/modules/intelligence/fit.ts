import { AppError } from '../../kernel/errors.ts'
import { recruiterFitFacts } from '../recruiting/index.ts'
import type { MatchingCaller } from './caller.ts'
import type { IntelligenceTx } from './database.ts'
import { scoreRecruiterFit } from './scoring/recruiter-fit.ts'

/** Recruiters who fit one of the company's roles, best first, each score explained (advice, nothing is sent). */
export async function recruiterFitForRole(
  tx: IntelligenceTx,
  caller: MatchingCaller,
  roleId: string,
  limit = 10,
) {
  const role = await tx
    .selectFrom('intelligence.role_profiles')
    .selectAll()
    .where('role_id', '=', roleId)
    .executeTakeFirst()
  if (!role || !(caller.isPlatformAdmin || caller.teamCompanyIds.includes(role.company_id)))
    throw new AppError('not_found', 'No such role')
  const facts = await recruiterFitFacts(tx, { function: role.function, industry: role.industry })
  const scored = facts.map((f) => ({
    recruiter_id: f.recruiterId,
    name: f.name,
    ...scoreRecruiterFit(f, role),
  }))
  scored.sort((a, b) => b.score - a.score || a.recruiter_id.localeCompare(b.recruiter_id))
  return { role_id: roleId, data: scored.slice(0, limit) }
}
