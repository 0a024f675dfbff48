import type { getCompany } from './queries.ts'

type CompanyRow = Awaited<ReturnType<typeof getCompany>>

/** A company as the API shows it (billing only where the caller may see it). */
export function companyOut(c: CompanyRow) {
  return {
    id: c.id,
    name: c.name,
    website: c.website,
    industry: c.industry,
    size_band: c.size_band,
    headquarters: c.headquarters,
    description: c.description,
    payment_terms: c.payment_terms as 'net_30' | 'net_60' | 'net_90',
    default_currency: c.default_currency,
    open_roles: c.open_roles,
    placements: c.placements,
    roles_by_status: c.roles_by_status,
    billing: c.billing_visible
      ? {
          billing_email: c.billing_email,
          billing_contact_name: c.billing_contact_name,
          billing_address: c.billing_address,
          tax_id: c.tax_id,
        }
      : null,
    created_at: c.created_at,
    version: c.version,
  }
}
