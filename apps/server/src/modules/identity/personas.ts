import type { Role } from '../../kernel/http/access.ts'

/**
 * Demo personas, one per role in both marketplaces, so a newcomer can sign in as anyone: by email
 * (Splits Network) or phone (OFAIR), reading the code from the dev outbox. Rachel holds roles in
 * both marketplaces.
 */
export interface DemoPersona {
  key: string
  marketplace: 'splits' | 'ofair'
  name: string
  email?: string
  /** National format as people type it; stored as E.164. */
  phone?: string
  locale: 'en' | 'he'
  description: string
  memberships: { org: string; role: Role }[]
}

export const DEMO_ORGANIZATIONS = [
  { slug: 'acme-robotics', kind: 'company', marketplace: 'splits', name: 'Acme Robotics' },
  { slug: 'talentbridge', kind: 'agency', marketplace: 'splits', name: 'TalentBridge Partners' },
] as const

export const DEMO_PERSONAS: readonly DemoPersona[] = [
  {
    key: 'platform-admin',
    marketplace: 'splits',
    name: 'Maya Rosen',
    email: 'admin@splits.demo',
    locale: 'en',
    description: 'Platform admin: users, roles, jobs, disputes',
    memberships: [{ org: 'splits-network', role: 'platform_admin' }],
  },
  {
    key: 'company-admin',
    marketplace: 'splits',
    name: 'Dana Cohen',
    email: 'dana@acme.demo',
    locale: 'en',
    description: 'Company admin at Acme Robotics: posts roles, hires',
    memberships: [{ org: 'acme-robotics', role: 'company_admin' }],
  },
  {
    key: 'hiring-manager',
    marketplace: 'splits',
    name: 'Eli Ben-David',
    email: 'eli@acme.demo',
    locale: 'en',
    description: 'Hiring manager at Acme Robotics: reviews submissions',
    memberships: [{ org: 'acme-robotics', role: 'hiring_manager' }],
  },
  {
    key: 'recruiter',
    marketplace: 'splits',
    name: 'Rachel Green',
    email: 'rachel@recruiters.demo',
    phone: '052-234-5678',
    locale: 'en',
    description: 'Independent recruiter (and an OFAIR consumer too)',
    memberships: [
      { org: 'splits-network', role: 'recruiter' },
      { org: 'ofair', role: 'consumer' },
    ],
  },
  {
    key: 'agency-recruiter',
    marketplace: 'splits',
    name: 'Tom Baker',
    email: 'tom@talentbridge.demo',
    locale: 'en',
    description: 'Recruiter at the TalentBridge Partners agency',
    memberships: [
      { org: 'splits-network', role: 'recruiter' },
      { org: 'talentbridge', role: 'recruiter' },
    ],
  },
  {
    key: 'candidate',
    marketplace: 'splits',
    name: 'Noa Levi',
    email: 'noa@candidate.demo',
    locale: 'en',
    description: 'Candidate: follows her applications',
    memberships: [{ org: 'splits-network', role: 'candidate' }],
  },
  {
    key: 'ofair-consumer',
    marketplace: 'ofair',
    name: 'יעל כהן',
    phone: '050-234-5678',
    locale: 'he',
    description: 'צרכנית: מפרסמת בקשות לעבודות בבית',
    memberships: [{ org: 'ofair', role: 'consumer' }],
  },
  {
    key: 'ofair-electrician',
    marketplace: 'ofair',
    name: 'משה לוי',
    phone: '052-345-6789',
    locale: 'he',
    description: 'חשמלאי מוסמך, תל אביב',
    memberships: [{ org: 'ofair', role: 'professional' }],
  },
  {
    key: 'ofair-plumber',
    marketplace: 'ofair',
    name: 'אבי מזרחי',
    phone: '054-234-5678',
    locale: 'he',
    description: 'אינסטלטור, חיפה והקריות',
    memberships: [{ org: 'ofair', role: 'professional' }],
  },
  {
    key: 'ofair-admin',
    marketplace: 'ofair',
    name: 'רונית שמש',
    phone: '053-234-5678',
    locale: 'he',
    description: 'מנהלת OFAIR: פיקוח על לידים ומחלוקות',
    memberships: [{ org: 'ofair', role: 'ofair_admin' }],
  },
]
