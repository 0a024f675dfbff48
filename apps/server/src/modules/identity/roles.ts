import { defineRoles } from '../../kernel/http/access.ts'

/**
 * The roles a membership can grant, per marketplace. Identity keeps memberships, and the SQL
 * trigger `identity.role_fits_organization` checks each grant against the organisation's kind, so
 * the catalogue lives here, next to it. When OFAIR becomes a module of its own it takes its three.
 */
export const MEMBERSHIP_ROLES = defineRoles('identity', {
  platform_admin: { marketplace: 'splits', label: 'Platform admin (Splits Network)' },
  company_admin: { marketplace: 'splits', label: 'Company admin: runs a company’s hiring team' },
  hiring_manager: { marketplace: 'splits', label: 'Hiring manager on a company’s team' },
  recruiter: { marketplace: 'splits', label: 'Independent or agency recruiter' },
  candidate: { marketplace: 'splits', label: 'Candidate following their applications' },
  consumer: { marketplace: 'ofair', label: 'OFAIR consumer (לקוח)' },
  professional: { marketplace: 'ofair', label: 'OFAIR professional (בעל מקצוע)' },
  ofair_admin: { marketplace: 'ofair', label: 'OFAIR admin' },
})

declare module '../../kernel/http/access.ts' {
  interface RoleCatalog extends Record<keyof typeof MEMBERSHIP_ROLES, true> {}
}

export const ROLE_NAMES = Object.keys(MEMBERSHIP_ROLES) as (keyof typeof MEMBERSHIP_ROLES)[]
