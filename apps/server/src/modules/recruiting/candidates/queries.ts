import { logPiiReveal } from '../../../kernel/audit/audit.ts'
import { AppError } from '../../../kernel/errors.ts'
import type { SplitsCaller } from '../caller.ts'
import type { RecruitingTx } from '../database.ts'

const CONTACT_FIELDS = ['email', 'phone', 'linkedin_url', 'github_url', 'website_url'] as const

/**
 * One candidate, as row-level security lets the caller see them. Contact details shown to anyone
 * but the representing recruiter (a company, an admin) are logged as a reveal. A hiring team sees
 * only what concerns its own company: its representations and applications, never another
 * company's (row-level security on representations and applications says the same).
 */
export async function getCandidate(tx: RecruitingTx, caller: SplitsCaller, id: string) {
  const candidate = await tx
    .selectFrom('ats.candidates as c')
    .innerJoin('network.recruiters as r', 'r.id', 'c.recruiter_id')
    .innerJoin('identity.user_directory as u', 'u.id', 'r.user_id')
    .selectAll('c')
    .select(['u.display_name as recruiter_name'])
    .where('c.id', '=', id)
    .executeTakeFirst()
  if (!candidate) throw new AppError('not_found', 'No such candidate')
  const contacts = await tx
    .selectFrom('ats.candidate_contacts')
    .selectAll()
    .where('candidate_id', '=', id)
    .executeTakeFirst()
  const own = candidate.recruiter_id === caller.recruiterId
  if (!own && contacts) {
    await logPiiReveal(tx, {
      subjectType: 'candidate',
      subjectId: id,
      fields: CONTACT_FIELDS.filter((f) => contacts[f]),
      purpose: caller.isPlatformAdmin ? 'admin.candidate_detail' : 'company.candidate_review',
    })
  }
  const everything = own || caller.isPlatformAdmin
  const mine = [...caller.teamCompanyIds]
  const me = caller.recruiterId ?? '00000000-0000-0000-0000-000000000000'
  let representations = tx
    .selectFrom('ats.representations as r')
    .innerJoin('ats.companies as co', 'co.id', 'r.company_id')
    .select([
      'r.id',
      'r.company_id',
      'co.name as company_name',
      'r.starts_at',
      'r.expires_at',
      'r.status',
      'r.ownership',
    ])
    .where('r.candidate_id', '=', id)
    .orderBy('r.starts_at', 'desc')
  let applications = tx
    .selectFrom('ats.applications as a')
    .innerJoin('ats.roles as ro', 'ro.id', 'a.role_id')
    .innerJoin('ats.companies as co', 'co.id', 'a.company_id')
    .select([
      'a.id',
      'a.role_id',
      'ro.title as role_title',
      'co.name as company_name',
      'a.stage',
      'a.submitted_at',
      'a.stage_changed_at',
    ])
    .where('a.candidate_id', '=', id)
    .orderBy('a.submitted_at', 'desc')
  if (!everything) {
    representations = representations.where((eb) =>
      eb.or([eb('r.recruiter_id', '=', me), ...(mine.length ? [eb('r.company_id', 'in', mine)] : [])]),
    )
    applications = applications.where((eb) =>
      eb.or([eb('a.recruiter_id', '=', me), ...(mine.length ? [eb('a.company_id', 'in', mine)] : [])]),
    )
  }
  return {
    candidate,
    contacts: contacts ?? null,
    own,
    representations: await representations.execute(),
    applications: await applications.execute(),
  }
}
