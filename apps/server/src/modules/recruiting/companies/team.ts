import { inviteToOrganization, organizationPeople, revokeInvitation } from '../../identity/index.ts'
import { assertCompanyTeam, isCompanyAdmin, type SplitsCaller } from '../caller.ts'
import type { RecruitingTx } from '../database.ts'
import { companyRef } from './queries.ts'
import { TEAM_ROLES, type TeamRole } from './schemas.ts'

export interface TeamEntry {
  id: string
  status: 'active' | 'invited'
  user_id: string | null
  display_name: string
  email: string | null
  role: TeamRole
  created_at: Date
  expires_at: Date | null
  invited_by_name: string | null
}

/**
 * The hiring team: its members, and for the company's admins the open invitations too. The people
 * and invitations are identity's; the company says which organisation.
 */
export async function listTeam(
  tx: RecruitingTx,
  caller: SplitsCaller,
  companyId: string,
  now: Date,
): Promise<TeamEntry[]> {
  const company = await companyRef(tx, companyId)
  assertCompanyTeam(caller, companyId)
  const people = await organizationPeople(tx, company.organization_id, TEAM_ROLES, now)
  const members: TeamEntry[] = people.members.map((m) => ({
    id: m.membership_id,
    status: 'active',
    user_id: m.user_id,
    display_name: m.display_name,
    email: null,
    role: m.role as TeamRole,
    created_at: m.created_at,
    expires_at: null,
    invited_by_name: null,
  }))
  if (!isCompanyAdmin(caller, companyId)) return members
  return [
    ...members,
    ...people.invitations.map((i) => ({
      id: i.id,
      status: 'invited' as const,
      user_id: null,
      display_name: i.display_name,
      email: i.email,
      role: i.role as TeamRole,
      created_at: i.created_at,
      expires_at: i.expires_at,
      invited_by_name: i.invited_by_name,
    })),
  ]
}

/**
 * A company admin invites someone to the hiring team by email. Nothing is granted until that
 * person, signed in with that address, accepts (identity's invitations); until then the team list
 * shows them as invited.
 */
export async function inviteTeamMember(
  tx: RecruitingTx,
  caller: SplitsCaller,
  companyId: string,
  input: { email: string; display_name: string; role: TeamRole },
  now: Date,
): Promise<void> {
  const company = await companyRef(tx, companyId)
  assertCompanyTeam(caller, companyId, true)
  await inviteToOrganization(tx, {
    organizationId: company.organization_id,
    role: input.role,
    email: input.email,
    displayName: input.display_name,
    invitedBy: caller.userId,
    now,
  })
}

/** A company admin withdraws an open invitation to the team. */
export async function revokeTeamInvitation(
  tx: RecruitingTx,
  caller: SplitsCaller,
  companyId: string,
  invitationId: string,
  now: Date,
): Promise<void> {
  const company = await companyRef(tx, companyId)
  assertCompanyTeam(caller, companyId, true)
  await revokeInvitation(tx, company.organization_id, invitationId, now)
}
