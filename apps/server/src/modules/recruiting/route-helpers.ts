import type { FastifyRequest } from 'fastify'
import type { AppContext } from '../../kernel/context.ts'
import type { Tx } from '../../kernel/db/database.ts'
import { inTransaction } from '../../kernel/db/transaction.ts'
import { access, actorOf, type Principal } from '../../kernel/http/access.ts'
import { principalOf } from '../../kernel/http/server.ts'

/** Runs a service in one transaction as the caller (row-level security sees who it is). */
export function runner(ctx: AppContext) {
  return <T>(request: FastifyRequest, fn: (tx: Tx, p: Principal) => Promise<T>): Promise<T> => {
    const p = principalOf(request)
    return inTransaction(ctx.db, actorOf(p), (tx) => fn(tx, p), { requestId: request.id })
  }
}

export const SPLITS_ROLES = ['recruiter', 'company_admin', 'hiring_manager', 'platform_admin'] as const
export const TEAM = ['company_admin', 'hiring_manager', 'platform_admin'] as const

export const who = {
  marketplace: access.roles(
    SPLITS_ROLES,
    'Recruiters see open roles shared with everyone or assigned to them; a hiring team sees its company’s roles; platform admins see all. A hidden role answers 404.',
  ),
  team: access.roles(
    TEAM,
    'Only the company’s hiring team (company admins, hiring managers) and platform admins.',
  ),
  companyAdmin: access.roles(
    ['company_admin', 'platform_admin'],
    'Only the company’s admins and platform admins.',
  ),
  recruiter: access.roles(['recruiter'], 'Recruiters, for the candidates they represent.'),
  recruiterOrAdmin: access.roles(
    ['recruiter', 'platform_admin'],
    'A recruiter sees only the candidates they represent; platform admins see all.',
  ),
  candidateViewers: access.roles(
    SPLITS_ROLES,
    'The representing recruiter; a hiring team for people submitted to its company (contact details shown are logged); platform admins.',
  ),
  applications: access.roles(
    SPLITS_ROLES,
    'The submitting recruiter, the company’s hiring team, platform admins (enforced again by row-level security).',
  ),
  placements: access.roles(
    SPLITS_ROLES,
    'The recruiters on the placement, the company’s hiring team, platform admins.',
  ),
  admin: access.roles(['platform_admin']),
}
