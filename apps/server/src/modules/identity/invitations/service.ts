import { sql, type Transaction } from 'kysely'
import { appendAudit } from '../../../kernel/audit/audit.ts'
import type { AnyTx } from '../../../kernel/db/database.ts'
import type { IdentitySchema } from '../../../kernel/db/schema/identity.ts'
import { asSystem } from '../../../kernel/db/transaction.ts'
import { AppError } from '../../../kernel/errors.ts'
import type { Role } from '../../../kernel/http/access.ts'
import { writeEvents } from '../../../kernel/outbox/events.ts'
import { normalizeEmail } from '../contacts.ts'

/**
 * Invitations: the one way to put someone into an organisation they did not join themselves. A
 * company admin invites an email address to a role; the person, signed in with that address,
 * accepts or declines. Until then they hold nothing and the team screen lists them as invited.
 */
type Tx = Transaction<IdentitySchema>
const view = (tx: AnyTx) => tx as Tx

export const INVITATION_DAYS = 14

export interface OrganizationPeople {
  members: { membership_id: string; user_id: string; display_name: string; role: string; created_at: Date }[]
  invitations: {
    id: string
    email: string
    display_name: string
    role: string
    status: 'pending'
    created_at: Date
    expires_at: Date
    invited_by_name: string | null
  }[]
}

/**
 * The people of an organisation holding any of `roles`, and the open invitations to them. Row-level
 * security shows them to the organisation's members and platform admins only.
 */
export async function organizationPeople(
  anyTx: AnyTx,
  organizationId: string,
  roles: readonly Role[],
  now: Date,
): Promise<OrganizationPeople> {
  const tx = view(anyTx)
  const members = await tx
    .selectFrom('identity.memberships as m')
    .innerJoin('identity.user_directory as u', 'u.id', 'm.user_id')
    .select(['m.id as membership_id', 'm.user_id', 'u.display_name', 'm.role', 'm.created_at'])
    .where('m.organization_id', '=', organizationId)
    .where('m.role', 'in', [...roles])
    .orderBy('u.display_name')
    .orderBy('m.role')
    .execute()
  const invitations = await tx
    .selectFrom('identity.invitations as i')
    .leftJoin('identity.user_directory as u', 'u.id', 'i.invited_by')
    .select([
      'i.id',
      'i.email',
      'i.display_name',
      'i.role',
      'i.created_at',
      'i.expires_at',
      'u.display_name as invited_by_name',
    ])
    .where('i.organization_id', '=', organizationId)
    .where('i.role', 'in', [...roles])
    .where('i.status', '=', 'pending')
    .where('i.expires_at', '>', now)
    .orderBy('i.created_at', 'desc')
    .execute()
  return {
    members: members.map((m) => ({ ...m, display_name: m.display_name ?? '' })),
    invitations: invitations.map((i) => ({ ...i, status: 'pending' as const })),
  }
}

/** Whether a person holds one of `roles` in an organisation. */
export async function isOrganizationMember(
  anyTx: AnyTx,
  organizationId: string,
  userId: string,
  roles: readonly Role[],
): Promise<boolean> {
  const row = await view(anyTx)
    .selectFrom('identity.memberships')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .where('role', 'in', [...roles])
    .executeTakeFirst()
  return row !== undefined
}

/**
 * Invites an email address to a role in an organisation. The caller's module has checked that the
 * inviter may (row-level security checks again). A second open invitation for the same person and
 * role is a 409; so is inviting someone who already holds the role.
 */
export async function inviteToOrganization(
  anyTx: AnyTx,
  input: {
    organizationId: string
    role: Role
    email: string
    displayName: string
    invitedBy: string
    now: Date
  },
): Promise<{ id: string; expiresAt: Date }> {
  const tx = view(anyTx)
  const email = normalizeEmail(input.email)
  if (!email) {
    throw new AppError('validation_failed', 'body.email: is not an email address', {
      errors: [{ field: 'body.email', message: 'is not an email address' }],
    })
  }
  const org = await tx
    .selectFrom('identity.organizations')
    .select(['id', 'name'])
    .where('id', '=', input.organizationId)
    .executeTakeFirst()
  if (!org) throw new AppError('not_found', 'No such organisation')
  // already on the team? (read as the system: the invitee's contacts are not the inviter's to see)
  const holder = await asSystem(tx, 'identity.invite', () =>
    tx
      .selectFrom('identity.user_contacts as c')
      .innerJoin('identity.memberships as m', 'm.user_id', 'c.user_id')
      .select('m.id')
      .where('c.email', '=', email)
      .where('m.organization_id', '=', input.organizationId)
      .where('m.role', '=', input.role)
      .executeTakeFirst(),
  )
  if (holder) {
    throw new AppError(
      'conflict',
      `${email} is already ${article(input.role)} ${roleWords(input.role)} of ${org.name}`,
    )
  }
  const expiresAt = new Date(input.now.getTime() + INVITATION_DAYS * 86_400_000)
  const created = await tx
    .insertInto('identity.invitations')
    .values({
      organization_id: input.organizationId,
      role: input.role,
      email,
      display_name: input.displayName,
      invited_by: input.invitedBy,
      created_at: input.now,
      expires_at: expiresAt,
    })
    .onConflict((oc) =>
      // the partial index's predicate as a literal: PostgreSQL cannot always match it to a parameter
      oc.columns(['organization_id', 'role', 'email']).where(sql<boolean>`status = 'pending'`).doNothing(),
    )
    .returning('id')
    .executeTakeFirst()
  if (!created) {
    throw new AppError(
      'conflict',
      `${email} already has an open invitation to ${org.name} as ${roleWords(input.role)}`,
    )
  }
  const inviter =
    (
      await tx
        .selectFrom('identity.user_directory')
        .select('display_name')
        .where('id', '=', input.invitedBy)
        .executeTakeFirst()
    )?.display_name ?? 'Someone'
  await appendAudit(tx, {
    action: 'organization.invitation_created',
    entityType: 'organization',
    entityId: input.organizationId,
    after: { invitation_id: created.id, email, role: input.role },
  })
  await writeEvents(tx, [
    {
      type: 'invitation.created',
      aggregateId: created.id,
      data: {
        invitation_id: created.id,
        organization_id: org.id,
        organization_name: org.name,
        role: input.role,
        email,
        display_name: input.displayName,
        invited_by: input.invitedBy,
        invited_by_name: inviter,
        expires_at: expiresAt.toISOString(),
      },
    },
  ])
  return { id: created.id, expiresAt }
}

/** An organisation's admin withdraws an open invitation. */
export async function revokeInvitation(
  anyTx: AnyTx,
  organizationId: string,
  invitationId: string,
  now: Date,
): Promise<void> {
  const tx = view(anyTx)
  const row = await tx
    .updateTable('identity.invitations')
    .set({ status: 'revoked', responded_at: now })
    .where('id', '=', invitationId)
    .where('organization_id', '=', organizationId)
    .where('status', '=', 'pending')
    .returning('id')
    .executeTakeFirst()
  if (!row) throw new AppError('not_found', 'No open invitation with that id')
  await appendAudit(tx, {
    action: 'organization.invitation_revoked',
    entityType: 'organization',
    entityId: organizationId,
    after: { invitation_id: invitationId },
  })
}

/**
 * The newest open invitation to an email address, if any: an address with no account but an
 * invitation may sign up by signing in (the invitee needs an account to accept). Read as the
 * system (sign-in runs as the system actor).
 */
export async function openInvitationTo(
  anyTx: AnyTx,
  email: string,
  now: Date,
): Promise<{ id: string; displayName: string } | undefined> {
  const row = await view(anyTx)
    .selectFrom('identity.invitations')
    .select(['id', 'display_name'])
    .where('email', '=', email)
    .where('status', '=', 'pending')
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row ? { id: row.id, displayName: row.display_name } : undefined
}

/** Open invitations to the signed-in person (to their email address). */
export async function myInvitations(anyTx: AnyTx, now: Date) {
  return view(anyTx)
    .selectFrom('identity.invitations as i')
    .innerJoin('identity.organizations as o', 'o.id', 'i.organization_id')
    .leftJoin('identity.user_directory as u', 'u.id', 'i.invited_by')
    .select([
      'i.id',
      'i.organization_id',
      'o.name as organization_name',
      'o.kind as organization_kind',
      'i.role',
      'i.created_at',
      'i.expires_at',
      'u.display_name as invited_by_name',
    ])
    .where('i.status', '=', 'pending')
    .where('i.expires_at', '>', now)
    .where((eb) => eb('i.email', '=', eb.fn<string>('identity.my_email', [])))
    .orderBy('i.created_at', 'desc')
    .execute()
}

/**
 * The invitee accepts (the membership is granted) or declines. Only the person whose address was
 * invited can; once answered, an invitation cannot be answered again.
 */
export async function respondToInvitation(
  anyTx: AnyTx,
  userId: string,
  invitationId: string,
  answer: 'accept' | 'decline',
  now: Date,
): Promise<{ status: 'accepted' | 'declined'; organizationId: string; role: string }> {
  const tx = view(anyTx)
  const invitation = await tx
    .selectFrom('identity.invitations')
    .selectAll()
    .where('id', '=', invitationId)
    .where((eb) => eb('email', '=', eb.fn<string>('identity.my_email', [])))
    .forUpdate()
    .executeTakeFirst()
  if (!invitation) throw new AppError('not_found', 'No invitation to you with that id')
  if (invitation.status !== 'pending') {
    throw new AppError('invalid_state_transition', `This invitation was already ${invitation.status}`)
  }
  if (invitation.expires_at <= now)
    throw new AppError('gone', 'This invitation has expired; ask for a new one')
  const organization = await tx
    .selectFrom('identity.organizations')
    .select('name')
    .where('id', '=', invitation.organization_id)
    .executeTakeFirstOrThrow()
  if (answer === 'decline') {
    await tx
      .updateTable('identity.invitations')
      .set({ status: 'declined', responded_at: now, user_id: userId })
      .where('id', '=', invitationId)
      .execute()
    // answers concern the person: they appear on the admin user screen's trail
    await appendAudit(tx, {
      action: 'identity.invitation_declined',
      entityType: 'user',
      entityId: userId,
      after: {
        invitation_id: invitationId,
        organization_id: invitation.organization_id,
        organization: organization.name,
        role: invitation.role,
      },
    })
    return { status: 'declined', organizationId: invitation.organization_id, role: invitation.role }
  }
  // the grant itself is the system's to write (memberships are written by admins and the system);
  // the checks above establish that this person was invited
  const membershipId = await asSystem(tx, 'identity.accept_invitation', async () => {
    const granted = await tx
      .insertInto('identity.memberships')
      .values({
        user_id: userId,
        organization_id: invitation.organization_id,
        role: invitation.role,
        granted_by: invitation.invited_by,
        created_at: now,
      })
      .onConflict((oc) => oc.columns(['user_id', 'organization_id', 'role']).doNothing())
      .returning('id')
      .executeTakeFirst()
    return (
      granted?.id ??
      (
        await tx
          .selectFrom('identity.memberships')
          .select('id')
          .where('user_id', '=', userId)
          .where('organization_id', '=', invitation.organization_id)
          .where('role', '=', invitation.role)
          .executeTakeFirstOrThrow()
      ).id
    )
  })
  await tx
    .updateTable('identity.invitations')
    .set({ status: 'accepted', responded_at: now, user_id: userId, membership_id: membershipId })
    .where('id', '=', invitationId)
    .execute()
  await appendAudit(tx, {
    action: 'identity.invitation_accepted',
    entityType: 'user',
    entityId: userId,
    after: {
      invitation_id: invitationId,
      organization_id: invitation.organization_id,
      organization: organization.name,
      role: invitation.role,
      membership_id: membershipId,
    },
  })
  await writeEvents(tx, [
    {
      type: 'invitation.accepted',
      aggregateId: invitationId,
      data: {
        invitation_id: invitationId,
        organization_id: invitation.organization_id,
        role: invitation.role,
        user_id: userId,
      },
    },
  ])
  return { status: 'accepted', organizationId: invitation.organization_id, role: invitation.role }
}

const ROLE_WORDS: Record<string, string> = {
  company_admin: 'company admin',
  hiring_manager: 'hiring manager',
  recruiter: 'recruiter',
  platform_admin: 'platform admin',
  candidate: 'candidate',
  consumer: 'consumer',
  professional: 'professional',
  ofair_admin: 'OFAIR admin',
}
export const roleWords = (role: string) => ROLE_WORDS[role] ?? role.replaceAll('_', ' ')
const article = (role: string) => (/^[aeiou]/i.test(roleWords(role)) ? 'an' : 'a')
