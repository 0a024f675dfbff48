import { generateDemoMarketplace, planCounts } from './generate.ts'
const t = performance.now()
const plan = generateDemoMarketplace({
  now: new Date('2026-06-01T08:00:00Z'),
  secret: 's',
  personas: {
    admin: '00000000-0000-7000-8000-000000000001',
    dana: '00000000-0000-7000-8000-000000000002',
    eli: '00000000-0000-7000-8000-000000000003',
    rachel: '00000000-0000-7000-8000-000000000004',
    tom: '00000000-0000-7000-8000-000000000005',
  },
  orgs: {
    splits: '00000000-0000-7000-8000-000000000011',
    acme: '00000000-0000-7000-8000-000000000012',
    talentbridge: '00000000-0000-7000-8000-000000000013',
  },
})
console.log('ms', Math.round(performance.now() - t))
console.log(planCounts(plan))
const by = (rows: any[], k: string) =>
  rows.reduce((m, r) => ((m[r[k]] = (m[r[k]] ?? 0) + 1), m), {} as Record<string, number>)
console.log('stages', by(plan.applications, 'stage'))
console.log(
  'role status',
  by(plan.roles, 'status'),
  'vis',
  by(plan.roles, 'visibility'),
  'cur',
  by(plan.roles, 'salary_currency'),
)
console.log('fee', by(plan.roles, 'fee_rate_bps'), 'guar', by(plan.roles, 'guarantee_days'))
console.log('placements', by(plan.placements, 'status'), by(plan.placements, 'split_status'))
console.log(
  'disputes',
  plan.disputes.map((d: any) => [d.status, d.matched_on]),
)
const rachelRec = plan.recruiters.find((r: any) => r.user_id.endsWith('04'))!.id
const ra = plan.applications.filter((a: any) => a.recruiter_id === rachelRec)
console.log(
  'rachel cands',
  plan.candidates.filter((c: any) => c.recruiter_id === rachelRec).length,
  'apps',
  by(ra, 'stage'),
)
console.log(
  plan.roles
    .slice(0, 3)
    .map((r: any) => [r.title, r.location, r.salary_min, r.salary_max, r.salary_currency]),
)
console.log(plan.roles[5]!.description)
console.log(plan.candidates.slice(100, 104), plan.candidateContacts.slice(100, 104))
console.log(plan.placements.slice(0, 2))
