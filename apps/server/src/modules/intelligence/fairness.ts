import { sql } from 'kysely'
import type { IntelligenceTx } from './database.ts'

/**
 * Selection rates per model version across groups the platform may lawfully know (the candidate's
 * country of residence/work and seniority band), from decided suggestions. A group whose rate is
 * below four fifths of the best group's is flagged (with at least `MIN_GROUP` decisions).
 */
export const MIN_GROUP = 5

export async function fairnessReport(tx: IntelligenceTx) {
  const rows = await sql<{
    model_version: number
    dimension: 'country' | 'seniority'
    grp: string
    decided: number
    accepted: number
  }>`
    select m.model_version, d.dimension, d.grp,
           count(*)::int as decided,
           count(*) filter (where m.status = 'accepted')::int as accepted
      from intelligence.candidate_role_matches m
      left join intelligence.candidate_profiles c on c.candidate_id = m.candidate_id
      cross join lateral (values ('country', coalesce(c.country, 'unknown')),
                                 ('seniority', coalesce(c.seniority, 'unknown'))) d(dimension, grp)
     where m.status in ('accepted', 'rejected')
     group by 1, 2, 3
     order by 1 desc, 2, 3`.execute(tx)
  const out = new Map<
    string,
    { model_version: number; dimension: 'country' | 'seniority'; groups: typeof rows.rows }
  >()
  for (const r of rows.rows) {
    const key = `${r.model_version}:${r.dimension}`
    if (!out.has(key)) out.set(key, { model_version: r.model_version, dimension: r.dimension, groups: [] })
    out.get(key)!.groups.push(r)
  }
  return [...out.values()].map((s) => {
    const rates = s.groups.map((g) => (g.decided ? g.accepted / g.decided : null))
    const best = Math.max(0, ...rates.filter((r): r is number => r !== null))
    return {
      model_version: s.model_version,
      dimension: s.dimension,
      groups: s.groups.map((g, i) => {
        const rate = rates[i] ?? null
        const ratio = rate === null || best === 0 ? null : Math.round((rate / best) * 1000) / 1000
        return {
          group: g.grp,
          decided: g.decided,
          accepted: g.accepted,
          rate: rate === null ? null : Math.round(rate * 1000) / 1000,
          ratio_to_best: ratio,
          flagged: ratio !== null && ratio < 0.8 && g.decided >= MIN_GROUP,
        }
      }),
    }
  })
}
