import { versionConflict } from '../../../kernel/db/concurrency.ts'
import { AppError } from '../../../kernel/errors.ts'
import type { SplitsCaller } from '../caller.ts'
import type { RecruitingTx } from '../database.ts'
import { getManagedRole, getRole } from '../roles/queries.ts'
import type { TScorecardIn } from './schemas.ts'

export interface Criterion {
  key: string
  name: string
  description: string
  weight: number
}

/** What a role is rated on until its team says otherwise (the structured-interview basics). */
export const DEFAULT_CRITERIA: readonly Criterion[] = [
  {
    key: 'technical_skills',
    name: 'Technical skills',
    description: 'Depth in the skills the role needs',
    weight: 2,
  },
  {
    key: 'relevant_experience',
    name: 'Relevant experience',
    description: 'Has done this kind of work, at this level',
    weight: 2,
  },
  {
    key: 'problem_solving',
    name: 'Problem solving',
    description: 'Structures ambiguous problems and reasons clearly',
    weight: 1,
  },
  { key: 'communication', name: 'Communication', description: 'Clear, concise, listens', weight: 1 },
  {
    key: 'motivation_fit',
    name: 'Motivation & team fit',
    description: 'Wants this role; works the way the team works',
    weight: 1,
  },
]

/** The role's scorecard as stored (row-level security: whoever sees the role), or the default. */
export async function currentScorecard(tx: RecruitingTx, roleId: string) {
  const row = await tx
    .selectFrom('ats.role_scorecards as s')
    .leftJoin('identity.user_directory as u', 'u.id', 's.updated_by')
    .select(['s.criteria', 's.version', 's.updated_at', 'u.display_name as updated_by_name'])
    .where('s.role_id', '=', roleId)
    .executeTakeFirst()
  if (!row) {
    return {
      criteria: [...DEFAULT_CRITERIA],
      version: 0,
      is_default: true,
      updated_at: null,
      updated_by_name: null,
    }
  }
  return { ...row, criteria: row.criteria as unknown as Criterion[], is_default: false }
}

export async function getScorecard(tx: RecruitingTx, caller: SplitsCaller, roleId: string) {
  const role = await getRole(tx, caller, roleId)
  return { role_id: role.id, ...(await currentScorecard(tx, role.id)), can_edit: role.can_manage }
}

/** A key from a name: "Motivation & team fit" → "motivation_team_fit". */
export const keyOf = (name: string): string =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40) || 'criterion'

/**
 * Replaces the role's criteria (its hiring team). Optimistic: the write carries the version it was
 * made from (the client's, else the one just read); a lost race answers 409. Feedback already
 * given keeps the names and weights it was rated with.
 */
export async function putScorecard(
  tx: RecruitingTx,
  caller: SplitsCaller,
  roleId: string,
  input: TScorecardIn,
  now: Date,
) {
  const role = await getManagedRole(tx, caller, roleId, 'change the scorecard')
  const criteria: Criterion[] = input.criteria.map((c) => ({
    key: c.key ?? keyOf(c.name),
    name: c.name,
    description: c.description ?? '',
    weight: c.weight ?? 1,
  }))
  const seen = new Map<string, number>()
  criteria.forEach((c, i) => {
    const before = seen.get(c.key)
    if (before !== undefined) {
      throw new AppError('validation_failed', `body.criteria[${i}]: the same criterion twice`, {
        errors: [
          {
            field: `body.criteria[${i}].${input.criteria[i]?.key ? 'key' : 'name'}`,
            message: 'is a duplicate',
          },
        ],
      })
    }
    seen.set(c.key, i)
  })
  const current = await currentScorecard(tx, role.id)
  const expected = input.version ?? current.version
  if (expected !== current.version) throw versionConflict('The scorecard', input.version)
  const json = JSON.stringify(criteria)
  const written =
    current.version === 0
      ? await tx
          .insertInto('ats.role_scorecards')
          .values({
            role_id: role.id,
            criteria: json,
            version: 1,
            updated_by: caller.userId,
            updated_at: now,
          })
          .onConflict((oc) => oc.column('role_id').doNothing())
          .returning('version')
          .executeTakeFirst()
      : await tx
          .updateTable('ats.role_scorecards')
          .set({ criteria: json, version: current.version + 1, updated_by: caller.userId, updated_at: now })
          .where('role_id', '=', role.id)
          .where('version', '=', current.version)
          .returning('version')
          .executeTakeFirst()
  if (!written) throw versionConflict('The scorecard', input.version)
  return getScorecard(tx, caller, role.id)
}
