import { randomInt } from 'node:crypto'
import type { TestSession } from '../sessions.ts'
import { api, ok, type World } from './marketplace.ts'
import { makePerson, signIn, type TestPerson } from './people.ts'

/**
 * OFAIR factories: people signed in by phone, professionals onboarded through the API (verified
 * by an OFAIR admin unless asked not to), leads, proposals and referrals, each with unique data and
 * made by the person who would make it, so the rules under test hold for the set-up too.
 */
// biome-ignore lint/suspicious/noExplicitAny: API bodies are read field by field in tests
type Body = any

export const TEL_AVIV = 362
export const RAMAT_GAN = 307
export const HAIFA = 140
export const BEERSHEBA = 57

export interface OfairPerson extends TestPerson {
  session: TestSession
}

const admins = new WeakMap<object, Promise<OfairPerson>>()

export async function ofairPerson(
  w: World,
  role: 'consumer' | 'professional' | 'ofair_admin',
  name?: string,
): Promise<OfairPerson> {
  const person = await makePerson(w.ctx, {
    name: name ?? `אדם ${randomInt(1000, 9999)}`,
    phone: true,
    roles: [role],
  })
  // a phone person signed in by a code: the number counts as confirmed
  await w.ctx.db
    .updateTable('identity.user_contacts' as never)
    .set({ phone_verified_at: new Date() } as never)
    .where('user_id' as never, '=', person.id as never)
    .execute()
  return { ...person, session: await signIn(w.ctx, person, { marketplace: 'ofair' }) }
}

export function ofairAdmin(w: World): Promise<OfairPerson> {
  let a = admins.get(w.ctx)
  if (!a) {
    a = ofairPerson(w, 'ofair_admin', 'מנהלת בדיקות')
    admins.set(w.ctx, a)
  }
  return a
}

/** A valid nine-digit business number (random, with its check digit). */
export function businessNumber(company = false): string {
  const prefix =
    (company ? '5' : '') +
    String(randomInt(0, company ? 10_000_000 : 100_000_000)).padStart(company ? 7 : 8, '0')
  for (let d = 0; d <= 9; d++) {
    const n = prefix + d
    let sum = 0
    for (let i = 0; i < 9; i++) {
      let x = Number(n[i]) * ((i % 2) + 1)
      if (x > 9) x -= 9
      sum += x
    }
    if (sum % 10 === 0) return n
  }
  throw new Error('unreachable')
}

export function onboardingBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    display_name: `בעל מקצוע ${randomInt(1000, 9999)}`,
    profession_category_id: 'electricity',
    business_number: businessNumber(),
    business_type: 'osek_murshe',
    specialties: [],
    base_locality_id: TEL_AVIV,
    service_radius_km: 30,
    working_hours: { sun: [['08:00', '17:00']] },
    ...over,
  }
}

export interface TestProfessional extends OfairPerson {
  professionalId: string
}

/** A professional, onboarded (and verified by an admin unless `verified: false`). */
export async function makeProfessional(
  w: World,
  over: Record<string, unknown> = {},
  options: { verified?: boolean; name?: string } = {},
): Promise<TestProfessional> {
  const person = await ofairPerson(w, 'consumer', options.name)
  const saved = ok(
    'onboarding',
    await api(w, person.session).put('/api/ofair/professionals/me', onboardingBody(over)),
  )
  if (options.verified !== false) {
    ok(
      'verify',
      await api(w, (await ofairAdmin(w)).session).post(`/api/ofair/professionals/${saved.id}/verify`, {
        decision: 'verified',
      }),
    )
  }
  // the role was granted: a new session carries it
  const session = await signIn(w.ctx, person, { marketplace: 'ofair' })
  return { ...person, session, professionalId: saved.id }
}

export function consumerLeadBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'consumer',
    title: `תיקון דחוף ${randomInt(1000, 9999)}`,
    short_description: 'צריך בעל מקצוע השבוע',
    full_description: 'פרטים מלאים לבעל המקצוע שייבחר',
    category_id: 'plumbing',
    locality_id: TEL_AVIV,
    street: 'הרצל 1',
    client_name: 'לקוחה לבדיקה',
    budget_min: { amount: '20000', currency: 'ILS' },
    budget_max: { amount: '60000', currency: 'ILS' },
    ...over,
  }
}

export function proLeadBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'professional_referral',
    title: `עבודה להפניה ${randomInt(1000, 9999)}`,
    short_description: 'לקוח קבוע שלי צריך עזרה',
    category_id: 'electricity',
    locality_id: TEL_AVIV,
    street: 'אלנבי 50',
    client_name: 'לקוח של בעל מקצוע',
    client_phone: `05${randomInt(2, 5)}${randomInt(2_000_000, 9_999_999)}`,
    estimated_budget: { amount: '250000', currency: 'ILS' },
    preferred_schedule: 'בשבועיים הקרובים',
    referrer_share_percentage: 20,
    ...over,
  }
}

export async function makeConsumerLead(
  w: World,
  consumer: OfairPerson,
  over: Record<string, unknown> = {},
): Promise<Body> {
  return ok('consumer lead', await api(w, consumer.session).post('/api/ofair/leads', consumerLeadBody(over)))
}

export async function makeProLead(
  w: World,
  pro: TestProfessional,
  over: Record<string, unknown> = {},
): Promise<Body> {
  return ok('professional lead', await api(w, pro.session).post('/api/ofair/leads', proLeadBody(over)))
}

export async function propose(
  w: World,
  pro: TestProfessional,
  leadId: string,
  price = '45000',
): Promise<Body> {
  return ok(
    'proposal',
    await api(w, pro.session).post(`/api/ofair/leads/${leadId}/proposals`, {
      price: { amount: price, currency: 'ILS' },
      description: 'אגיע עם כל הציוד',
      scheduled_date: '2026-06-01',
    }),
  )
}
