import type { SessionUser } from './roles'

/** What the signed-in person does on Splits Network; screens and navigation adapt to it. */
export interface Viewer {
  /** False until who-am-I has answered: nothing is offered yet (not even a visitor's screens). */
  known: boolean
  signedIn: boolean
  recruiter: boolean
  /** On a company's hiring team (company admin or hiring manager). */
  team: boolean
  companyAdmin: boolean
  admin: boolean
  /** A candidate following their own applications (read-only). */
  candidate: boolean
}

export function viewerOf(user: SessionUser | undefined, known = true): Viewer {
  const roles = new Set(user?.roles ?? [])
  return {
    known,
    signedIn: Boolean(user),
    recruiter: roles.has('recruiter'),
    team: roles.has('company_admin') || roles.has('hiring_manager'),
    companyAdmin: roles.has('company_admin'),
    admin: roles.has('platform_admin'),
    candidate: roles.has('candidate'),
  }
}

/**
 * The Splits Network screens a person may open, from the roles who-am-I reports. Each mirrors the
 * access rule of the API the screen reads, so no menu entry or home card leads to a refusal (403).
 * A visitor (not signed in) is offered the recruiter's screens, which ask them to sign in.
 */
export function screensFor(v: Viewer) {
  // while who-am-I is on its way, a signed-in person must not see a visitor's menu flash by
  const visitor = v.known && !v.signedIn
  return {
    /** Hiring team's dashboard (GET /api/companies?mine). */
    company: v.team,
    /** Role marketplace / the company's roles (recruiter, hiring team, admin). */
    roles: visitor || v.recruiter || v.team || v.admin,
    /** A recruiter's saved searches of the marketplace (GET /api/saved-searches: recruiters). */
    savedSearches: v.recruiter,
    /** My candidates (recruiter; admins see all). */
    candidates: visitor || v.recruiter || v.admin,
    /** My pipeline: my own submissions, so recruiters only. */
    pipeline: visitor || v.recruiter,
    placements: v.recruiter || v.team || v.admin,
    /** Upcoming and past interviews (recruiters and hiring teams). */
    interviews: v.recruiter || v.team,
    /** The company's invoices and billing settings (GET /api/invoices: company admins; hiring managers get 403). */
    billing: v.companyAdmin,
    /** A recruiter's earnings, payouts and Stripe payout account (GET /api/me/earnings: recruiters). */
    earnings: v.recruiter,
    /** A recruiter's plan, card and plan invoices (GET /api/subscriptions: recruiters). */
    plans: v.recruiter,
    /** Platform finance: summary, invoices, ledger, audit, contracts (platform admins). */
    finance: v.admin,
    /** A candidate's own applications, read-only. */
    myApplications: v.candidate,
    notifications: v.signedIn,
    account: v.signedIn,
    admin: v.admin,
  }
}

export type Screens = ReturnType<typeof screensFor>
