import type { SessionUser } from './roles'

/** What the signed-in person does on Splits Network; screens and navigation adapt to it. */
export interface Viewer {
  signedIn: boolean
  recruiter: boolean
  /** On a company's hiring team (company admin or hiring manager). */
  team: boolean
  companyAdmin: boolean
  admin: boolean
}

export function viewerOf(user: SessionUser | undefined): Viewer {
  const roles = new Set(user?.roles ?? [])
  return {
    signedIn: Boolean(user),
    recruiter: roles.has('recruiter'),
    team: roles.has('company_admin') || roles.has('hiring_manager'),
    companyAdmin: roles.has('company_admin'),
    admin: roles.has('platform_admin'),
  }
}
