/**
 * The types the demo marketplace generator shares between its steps: its input and output, the
 * in-memory model the steps build before they turn it into rows, and the context they all receive.
 */
import type { Insertable } from 'kysely'
import type { NewMembership, NewOrganization, NewPerson } from '../../identity/index.ts'
import type { RecruitingDatabase } from '../database.ts'
import type { SENIORITIES, Stage } from '../reference/vocabularies.ts'
import type { Rng } from './prng.ts'
import type { CompanySpec, Fn } from './words.ts'

export type Row<T extends keyof RecruitingDatabase> = Insertable<RecruitingDatabase[T]>
export type Seniority = (typeof SENIORITIES)[number]
export type RoleStatus = 'draft' | 'open' | 'paused' | 'filled' | 'closed'

/** How much data: the defaults are the demo's; tests may ask for less. */
export interface DemoSize {
  roles: number
  recruiters: number
  candidates: number
  applications: number
  placements: number
}

export interface DemoInput {
  /** The seed clock; the data ends at the start of this day (UTC). */
  now: Date
  /** The server secret that keys candidate identity digests (ctx.config.auth.secret). */
  secret: string
  personas: { admin: string; dana: string; eli: string; rachel: string; tom: string }
  orgs: { splits: string; acme: string; talentbridge: string }
  /** Recruiter profiles personas already have (made on first use), by user id. */
  existingRecruiters?: ReadonlyMap<string, string>
  /** Acme's company record if someone already made it. */
  existingAcme?: { id: string; payment_terms: string } | undefined
  size?: DemoSize
}

export interface DemoPlan {
  anchor: Date
  /** Identity's part (organisations, people with their verified addresses, memberships): identity writes it. */
  organizations: NewOrganization[]
  people: NewPerson[]
  memberships: NewMembership[]
  companies: Row<'ats.companies'>[]
  companyBilling: Row<'ats.company_billing'>[]
  recruiters: Row<'network.recruiters'>[]
  specializations: Row<'network.recruiter_specializations'>[]
  /** Persona recruiter profiles that existed already: their missing details. */
  recruiterUpdates: {
    id: string
    agency_organization_id: string | null
    plan_tier: string
    early_access: boolean
    headline: string
    specializations: { industry: string[]; function: string[]; seniority: string[]; locations: string[] }
  }[]
  roles: Row<'ats.roles'>[]
  roleHistory: Row<'ats.role_history'>[]
  roleAssignments: Row<'ats.role_assignments'>[]
  candidates: Row<'ats.candidates'>[]
  candidateContacts: Row<'ats.candidate_contacts'>[]
  identityKeys: Row<'ats.candidate_identity_keys'>[]
  representations: Row<'ats.representations'>[]
  applications: Row<'ats.applications'>[]
  stageHistory: Row<'ats.application_stage_history'>[]
  placements: Row<'ats.placements'>[]
  placementSplits: Row<'ats.placement_splits'>[]
  disputes: Row<'ats.ownership_disputes'>[]
}

/**
 * One random stream per part of the data, so that changing one part leaves the others as they
 * were. Each step must draw from its streams in the same order as before, or every later value
 * (and the demo data people have learnt their way around) changes.
 */
export interface DemoStreams {
  /** The random part of every id, in the order the rows are made, whichever step makes them. */
  ids: Rng
  companies: Rng
  recruiters: Rng
  /** Roles, then their hires, then which team member moves each application along. */
  roles: Rng
  candidates: Rng
  applications: Rng
  disputes: Rng
  history: Rng
  notes: Rng
  placements: Rng
}

/** What every step receives: the input, the random streams, the anchor time and the rows so far. */
export interface DemoContext {
  input: DemoInput
  size: DemoSize
  /** Midnight UTC of the seed day, in ms: nothing is dated later. */
  anchor: number
  rng: DemoStreams
  plan: DemoPlan
  /** Every e-mail address handed out so far, users' and candidates': users' must be unique. */
  usedEmails: Set<string>
  /** A UUIDv7 for a row made at `ms`. */
  uuid(ms: number): string
  /** The anchor less `days` (which may be fractional), in ms. */
  daysAgo(days: number): number
}

// ---------------------------------------------------------------------------------------------
// The in-memory model
// ---------------------------------------------------------------------------------------------

export interface Person {
  first: string
  last: string
  name: string
}

export interface TeamMember {
  userId: string
  name: string
  role: 'company_admin' | 'hiring_manager'
}

export interface Company {
  id: string
  orgId: string
  spec: CompanySpec
  paymentTerms: string
  team: TeamMember[]
  createdAt: number
}

export interface Recruiter {
  id: string
  userId: string
  name: string
  country: string
  functions: Fn[]
  tier: string
  active: boolean
  agencyOrgId: string | null
  createdAt: number
}

/** The recruiters, with the two personas the demo's scripted data revolves around. */
export interface RecruiterPool {
  /** Rachel, Tom, then the generated ones. */
  all: Recruiter[]
  active: Recruiter[]
  rachel: Recruiter
  tom: Recruiter
}

export interface Role {
  id: string
  company: Company
  title: string
  fn: Fn
  seniority: Seniority
  country: string
  location: string
  currency: string
  minMajor: number
  maxMajor: number
  feeBps: number
  guaranteeDays: number
  status: RoleStatus
  visibility: 'all' | 'assigned'
  assigned: Recruiter[]
  jobOwner: Recruiter | null
  hiringManager: TeamMember
  createdBy: TeamMember
  openings: number
  createdAt: number
  openedAt: number | null
  pausedAt: number | null
  resumedAt: number | null
  closedAt: number | null
  hires: Hire[]
  weight: number
  description: string
  mode: string
  employment: string
}

export interface Hire {
  role: Role
  at: number
  recruiter: Recruiter | null
  by: TeamMember
}

export interface Candidate {
  id: string
  recruiter: Recruiter
  person: Person
  fn: Fn
  seniority: Seniority
  country: string
  createdAt: number
  consentAt: number | null
  /** A second record of someone another recruiter holds: never submitted (the attempt was blocked). */
  duplicateOf: Candidate | null
  apps: number
  row: Row<'ats.candidates'>
  contacts: Row<'ats.candidate_contacts'>
}

/** The candidates, with those the scripted parts of the demo need by name. */
export interface CandidatePool {
  all: Candidate[]
  /** The candidate persona. */
  noa: Candidate
  /** Candidates a second recruiter recorded again; `duplicates[i]` is the second record of `holders[i]`. */
  holders: Candidate[]
  duplicates: Candidate[]
}

export interface App {
  id: string
  role: Role
  candidate: Candidate
  path: Stage[]
  times: number[]
  by: string[]
  reason: string | null
  hire: Hire | null
}

/** A candidate's representation to a company: from the first submission there. */
export interface Representation {
  id: string
  candidate: Candidate
  company: Company
  start: number
}
