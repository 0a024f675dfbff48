import { ascii } from './helpers.ts'
import { addMembership, addUser, personOf, uniqueEmail } from './people.ts'
import { DAY_MS, HOUR_MS, type Rng } from './prng.ts'
import type { Company, DemoContext, TeamMember } from './types.ts'
import { COMPANIES, COUNTRIES, type CompanySpec, type Country } from './words.ts'

/**
 * The demo companies with their organisations, hiring teams and billing details. Acme Robotics is
 * the personas' company: its organisation exists already, Dana and Eli are on its team, and its
 * company record may exist too (then it is used, not made again).
 */
export function generateCompanies(ctx: DemoContext): Company[] {
  const rng = ctx.rng.companies
  return COMPANIES.map((spec) => generateCompany(ctx, rng, spec))
}

function generateCompany(ctx: DemoContext, rng: Rng, spec: CompanySpec): Company {
  const { input } = ctx
  const createdAt = ctx.daysAgo(rng.int(345, 364)) + rng.int(8, 17) * HOUR_MS
  const country = COUNTRIES[spec.offices[0]![0]]!
  const acme = spec.slug === 'acme-robotics'
  const orgId = acme ? input.orgs.acme : addOrganization(ctx, spec, createdAt)
  const team = hiringTeam(ctx, rng, spec, country, orgId, createdAt)
  const existing = acme ? input.existingAcme : undefined
  const id = existing ? existing.id : ctx.uuid(createdAt)
  const company: Company = {
    id,
    orgId,
    spec,
    paymentTerms: existing ? existing.payment_terms : spec.paymentTerms,
    team,
    createdAt,
  }
  if (!existing) addCompanyRows(ctx, rng, company, country)
  return company
}

function addOrganization(ctx: DemoContext, spec: CompanySpec, createdAt: number): string {
  const orgId = ctx.uuid(createdAt)
  ctx.plan.organizations.push({
    id: orgId,
    kind: 'company',
    marketplace: 'splits',
    name: spec.name,
    slug: spec.slug,
    created_at: new Date(createdAt),
  })
  return orgId
}

/** An admin and up to two hiring managers; Acme has its personas and one more hiring manager. */
function hiringTeam(
  ctx: DemoContext,
  rng: Rng,
  spec: CompanySpec,
  country: Country,
  orgId: string,
  createdAt: number,
): TeamMember[] {
  const acme = spec.slug === 'acme-robotics'
  const team: TeamMember[] = []
  if (acme) {
    team.push({ userId: ctx.input.personas.dana, name: 'Dana Cohen', role: 'company_admin' })
    team.push({ userId: ctx.input.personas.eli, name: 'Eli Ben-David', role: 'hiring_manager' })
  }
  const generated = acme
    ? 1
    : rng.weighted([
        [1, 2],
        [2, 5],
        [3, 3],
      ] as const)
  for (let i = 0; i < generated; i++) {
    const person = personOf(rng, country)
    const role = !acme && i === 0 ? 'company_admin' : 'hiring_manager'
    const at = createdAt + i * DAY_MS + rng.int(1, 6) * HOUR_MS
    const email = uniqueEmail(ctx, `${ascii(person.first)}.${ascii(person.last)}`, `${spec.domain}.demo`)
    const userId = addUser(ctx, rng, person, email, at)
    addMembership(ctx, userId, orgId, role, at)
    team.push({ userId, name: person.name, role })
  }
  return team
}

function addCompanyRows(ctx: DemoContext, rng: Rng, company: Company, country: Country) {
  const { id, orgId, spec, createdAt } = company
  ctx.plan.companies.push({
    id,
    organization_id: orgId,
    name: spec.name,
    website: `https://${spec.domain}.demo`,
    industry: spec.industry,
    size_band: spec.sizeBand,
    headquarters: spec.headquarters,
    description: spec.description,
    payment_terms: spec.paymentTerms,
    default_currency: spec.currency,
    created_at: new Date(createdAt),
    updated_at: new Date(createdAt),
  })
  const admin = company.team.find((t) => t.role === 'company_admin')!
  ctx.plan.companyBilling.push({
    company_id: id,
    billing_email: `accounts-payable@${spec.domain}.demo`,
    billing_contact_name: rng.chance(0.5) ? admin.name : personOf(rng, country).name,
    billing_address: spec.billingAddress,
    tax_id: spec.taxId,
    updated_at: new Date(createdAt),
  })
}
