import type { AppContext } from '../../../../apps/server/src/kernel/context.ts'
import { inTransaction, systemActor } from '../../../../apps/server/src/kernel/db/transaction.ts'
import { type ApiResponse, apiClient } from '../api-client.ts'
import type { TestSession } from '../sessions.ts'
import { grantMembership, makePerson, type TestPerson, uniqueTag } from './splits-people.ts'

/**
 * Typed factories for the Splits Network marketplace: each makes one thing with unique random
 * data, scoped to its own company or recruiter, through the HTTP API as the person who would do
 * it (so the rules under test also hold for the set-up). People and memberships are the one
 * exception: they are written directly, as identity's starting state.
 */
export interface World {
  ctx: AppContext
  baseUrl: string
}

// biome-ignore lint/suspicious/noExplicitAny: API bodies are read field by field in tests
type Body = any

const admins = new WeakMap<AppContext, Promise<TestPerson>>()

/** The world's platform admin (one per app). */
export function platformAdmin(w: World): Promise<TestPerson> {
  let admin = admins.get(w.ctx)
  if (!admin) {
    admin = makePerson(w.ctx, { name: 'Ada Admin', roles: ['platform_admin'] })
    admins.set(w.ctx, admin)
  }
  return admin
}

export const api = (w: World, as?: TestSession) => apiClient(w.baseUrl, as)

/** The response, or an error naming the step and the problem (a factory never fails silently). */
export function ok(step: string, res: ApiResponse, status = [200, 201]): Body {
  if (!status.includes(res.status)) {
    throw new Error(`factory step "${step}" answered ${res.status}: ${JSON.stringify(res.body)}`)
  }
  return res.body
}

export interface TestCompany {
  id: string
  name: string
  organizationId: string
  /** Its first company admin. */
  admin: TestPerson
}

/** A company added by a platform admin, with a company admin of its own. */
export async function makeCompany(w: World, over: Record<string, unknown> = {}): Promise<TestCompany> {
  const admin = await platformAdmin(w)
  const name = `Company ${uniqueTag()}`
  const company = ok(
    'create company',
    await api(w, admin).post('/api/companies', { name, payment_terms: 'net_30', ...over }),
  )
  const organizationId = await inTransaction(w.ctx.db, systemActor('test-factory'), async (tx) => {
    const row = await tx
      .selectFrom('ats.companies')
      .select('organization_id')
      .where('id', '=', company.id)
      .executeTakeFirstOrThrow()
    return row.organization_id
  })
  const partial = { id: company.id as string, name: company.name as string, organizationId }
  return { ...partial, admin: await makeTeamMember(w, partial, 'company_admin') }
}

/** Someone already on a company's hiring team (the invitation flow is tested on its own). */
export async function makeTeamMember(
  w: World,
  company: { organizationId: string; name: string },
  role: 'company_admin' | 'hiring_manager' = 'hiring_manager',
): Promise<TestPerson> {
  const person = await makePerson(w.ctx, {
    name: `${role === 'company_admin' ? 'Admin' : 'Manager'} ${uniqueTag()}`,
  })
  await grantMembership(w.ctx, person.userId, company.organizationId, role)
  return person
}

export interface TestRecruiter extends TestPerson {
  recruiterId: string
}

/** A recruiter of the network, with their profile. */
export async function makeRecruiter(w: World, options: { name?: string } = {}): Promise<TestRecruiter> {
  const person = await makePerson(w.ctx, {
    name: options.name ?? `Recruiter ${uniqueTag()}`,
    roles: ['recruiter'],
  })
  const me = ok('recruiter profile', await api(w, person).get('/api/recruiters/me'))
  return { ...person, recruiterId: me.id }
}

/** A role body as a hiring team would post it. */
export function roleBody(companyId: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    company_id: companyId,
    title: `Engineer ${uniqueTag()}`,
    description: 'Build things. C++, Rust, ROS.',
    function: 'engineering',
    industry: 'ai',
    seniority: 'senior',
    location: 'Boston, MA',
    country: 'US',
    work_mode: 'hybrid',
    salary: { min: '16000000', max: '20000000', currency: 'USD' },
    ...over,
  }
}

/** A role of the company, posted by `by` (its admin by default) and opened unless `status` says otherwise. */
export async function makeRole(
  w: World,
  company: TestCompany,
  over: Record<string, unknown> = {},
  options: { by?: TestSession; status?: 'draft' | 'open' | 'paused' | 'closed' } = {},
): Promise<Body> {
  const by = options.by ?? company.admin
  const role = ok('post role', await api(w, by).post('/api/roles', roleBody(company.id, over)))
  const status = options.status ?? 'open'
  if (status === 'draft') return role
  if (status === 'closed') {
    return ok('close role', await api(w, by).post(`/api/roles/${role.id}/status`, { status: 'closed' }))
  }
  let opened = ok('open role', await api(w, by).post(`/api/roles/${role.id}/status`, { status: 'open' }))
  if (status === 'paused') {
    opened = ok('pause role', await api(w, by).post(`/api/roles/${role.id}/status`, { status: 'paused' }))
  }
  return opened
}

/** A candidate body with unique contacts (consent on record unless `consent: null`). */
export function candidateBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  const tag = uniqueTag()
  return {
    full_name: `Candidate ${tag}`,
    current_title: 'Robotics Engineer',
    location: 'Cambridge, MA',
    country: 'US',
    skills: ['ROS', 'C++'],
    email: `candidate-${tag}@people.test`,
    consent: { method: 'email', text_version: 'rtr-2026-01' },
    ...over,
  }
}

/** A candidate the recruiter represents. Returns the saved candidate (`warnings` apart). */
export async function makeCandidate(
  w: World,
  recruiter: TestSession,
  over: Record<string, unknown> = {},
): Promise<Body> {
  const saved = ok('add candidate', await api(w, recruiter).post('/api/candidates', candidateBody(over)))
  return saved.candidate
}

/** The recruiter submits their candidate to a role; returns the application. */
export async function submitCandidate(
  w: World,
  recruiter: TestSession,
  roleId: string,
  candidateId: string,
  note?: string,
): Promise<Body> {
  return ok(
    'submit candidate',
    await api(w, recruiter).post('/api/applications', {
      role_id: roleId,
      candidate_id: candidateId,
      ...(note ? { note } : {}),
    }),
  )
}

const FORWARD = ['submitted', 'screening', 'interview', 'offer'] as const

/** Moves an application forward stage by stage, as the hiring team, up to `to`. */
export async function advance(
  w: World,
  team: TestSession,
  application: { id: string; stage: string },
  to: (typeof FORWARD)[number],
): Promise<Body> {
  let current = application
  for (
    let i = FORWARD.indexOf(current.stage as (typeof FORWARD)[number]) + 1;
    i <= FORWARD.indexOf(to);
    i++
  ) {
    current = ok(
      `move to ${FORWARD[i]}`,
      await api(w, team).post(`/api/applications/${current.id}/stage`, { to: FORWARD[i] }),
    )
  }
  return current
}

/** Takes an application through offer to hired: returns `{ application, placement_id }`. */
export async function hire(
  w: World,
  team: TestSession,
  application: { id: string; stage: string },
  terms: { amount?: string; currency?: string; startDate?: string } = {},
): Promise<Body> {
  await advance(w, team, application, 'offer')
  return ok(
    'hire',
    await api(w, team).post(`/api/applications/${application.id}/hire`, {
      base_salary: { amount: terms.amount ?? '18500000', currency: terms.currency ?? 'USD' },
      start_date: terms.startDate ?? '2026-06-01',
    }),
  )
}
