import type { MatrixContext, PersonaKey, RouteCase } from '../../security/route-cases.ts'
import { invoiceRouteMatrix } from './invoicing/route-matrix.ts'

/**
 * OFAIR's resources for the security matrix, made once per app through the API by the demo
 * personas: the electrician (A) and the plumber (B) onboarded and verified, A's professional lead,
 * the consumer's request with B's proposal on it.
 */
export interface OfairFixture {
  proLead: string
  consumerLead: string
  proposal: string
  referral: string
  electrician: string
}

const fixtures = new WeakMap<object, Promise<OfairFixture>>()

async function call(m: MatrixContext, who: PersonaKey, method: string, path: string, body?: unknown) {
  const res = await fetch(`${m.ctx.config.http.publicUrl}${path}`, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(await m.headers(who)),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  })
  // biome-ignore lint/suspicious/noExplicitAny: fixture steps read fields of several answers
  const json = (await res.json()) as Record<string, any>
  if (res.status >= 400)
    throw new Error(`ofair fixture ${method} ${path} as ${who}: ${res.status} ${JSON.stringify(json)}`)
  return json
}

const profile = (name: string, category: string, locality: number, number: string) => ({
  display_name: name,
  profession_category_id: category,
  business_number: number,
  business_type: 'osek_murshe',
  base_locality_id: locality,
  service_radius_km: 40,
})

export function ofairFixture(m: MatrixContext): Promise<OfairFixture> {
  let f = fixtures.get(m.ctx)
  if (!f) {
    f = (async () => {
      const a = await call(
        m,
        'ofair-electrician',
        'PUT',
        '/api/ofair/professionals/me',
        profile('משה לוי חשמל', 'electricity', 362, '050012343'),
      )
      const b = await call(
        m,
        'ofair-plumber',
        'PUT',
        '/api/ofair/professionals/me',
        profile('אבי מזרחי אינסטלציה', 'plumbing', 362, '123456782'),
      )
      for (const id of [a.id, b.id]) {
        await call(m, 'ofair-admin', 'POST', `/api/ofair/professionals/${id}/verify`, {
          decision: 'verified',
        })
      }
      const proLead = await call(m, 'ofair-electrician', 'POST', '/api/ofair/leads', {
        type: 'professional_referral',
        title: 'החלפת לוח חשמל בדירה',
        short_description: 'לוח ישן, צריך החלפה',
        category_id: 'electricity',
        locality_id: 362,
        street: 'דיזנגוף 100',
        client_name: 'לקוח מטריצה',
        client_phone: '054-234-5670',
        estimated_budget: { amount: '350000', currency: 'ILS' },
        preferred_schedule: 'בשבוע הבא',
        referrer_share_percentage: 20,
      })
      const consumerLead = await call(m, 'ofair-consumer', 'POST', '/api/ofair/leads', {
        type: 'consumer',
        title: 'נזילה מתחת לכיור',
        short_description: 'מים נוזלים מהצנרת',
        category_id: 'plumbing',
        locality_id: 362,
        street: 'אבן גבירול 10',
        client_name: 'יעל כהן',
      })
      const proposal = await call(
        m,
        'ofair-plumber',
        'POST',
        `/api/ofair/leads/${consumerLead.id}/proposals`,
        {
          price: { amount: '45000', currency: 'ILS' },
          description: 'אגיע מחר בבוקר',
        },
      )
      const shared = await call(m, 'ofair-electrician', 'POST', `/api/ofair/leads/${proLead.id}/share`, {
        receiver_ids: [b.id],
      })
      return {
        proLead: proLead.id,
        consumerLead: consumerLead.id,
        proposal: proposal.id,
        referral: shared.data[0].id,
        electrician: a.id,
      }
    })()
    fixtures.set(m.ctx, f)
  }
  return f
}

const on = (
  intruder: PersonaKey,
  pick: (f: OfairFixture) => Record<string, string>,
  expect: 403 | 404 | 'empty-list' = 404,
  body?: unknown,
) => ({
  intruder,
  params: async (m: MatrixContext) => pick(await ofairFixture(m)),
  expect,
  ...(body !== undefined ? { body } : {}),
})

/** Who may call each OFAIR route, and how the security test proves it. */
export const ofairRouteMatrix: Record<string, RouteCase> = {
  'GET /api/ofair/categories': { access: 'public', why: 'Reference data (the category taxonomy).' },
  'GET /api/ofair/localities': { access: 'public', why: 'Reference data (GeoNames localities).' },
  'GET /api/ofair/professionals': {
    access: 'public',
    why: 'Verified professionals’ public profiles, no contacts.',
  },
  'GET /api/ofair/professionals/:id': { access: 'public', why: 'A public profile, no contacts.' },
  'GET /api/ofair/files/:id/content': {
    access: 'public',
    why: 'The signed, expiring link is the permission.',
  },
  'GET /api/ofair/professionals/me': { access: 'roles', wrongRole: 'agency-recruiter' },
  'PUT /api/ofair/professionals/me': { access: 'roles', wrongRole: 'candidate' },
  'POST /api/ofair/professionals/me/certificates': { access: 'roles', wrongRole: 'company-admin' },
  'POST /api/ofair/professionals/:id/verify': {
    access: 'roles',
    wrongRole: 'ofair-electrician',
  },
  'GET /api/ofair/admin/professionals': { access: 'roles', wrongRole: 'ofair-plumber' },
  'GET /api/ofair/me/consumer-profile': { access: 'roles', wrongRole: 'ofair-plumber' },
  'PUT /api/ofair/me/consumer-profile': { access: 'roles', wrongRole: 'ofair-electrician' },
  'POST /api/ofair/files': { access: 'roles', wrongRole: 'agency-recruiter' },
  'POST /api/ofair/leads': { access: 'roles', wrongRole: 'hiring-manager' },
  'GET /api/ofair/leads/public': { access: 'roles', wrongRole: 'ofair-consumer' },
  'GET /api/ofair/leads/mine': { access: 'roles', wrongRole: 'platform-admin' },
  'GET /api/ofair/leads/:id': {
    access: 'roles',
    wrongRole: 'agency-recruiter',
    // a consumer's request is not on anyone else's page but professionals’: another consumer sees nothing
    crossTenant: on('recruiter', (f) => ({ id: f.proLead }), 404),
  },
  'PUT /api/ofair/leads/:id': {
    access: 'roles',
    wrongRole: 'candidate',
    crossTenant: on('ofair-plumber', (f) => ({ id: f.proLead }), 403, { title: 'חטיפה', version: 1 }),
  },
  'POST /api/ofair/leads/:id/cancel': {
    access: 'roles',
    wrongRole: 'candidate',
    crossTenant: on('ofair-plumber', (f) => ({ id: f.proLead }), 403, {}),
  },
  'POST /api/ofair/leads/:id/complete': {
    access: 'roles',
    wrongRole: 'agency-recruiter',
    crossTenant: on('ofair-plumber', (f) => ({ id: f.consumerLead }), 403, {
      final_amount: { amount: '50000', currency: 'ILS' },
    }),
  },
  'GET /api/ofair/leads/:id/client': {
    access: 'roles',
    wrongRole: 'agency-recruiter',
    crossTenant: on('ofair-plumber', (f) => ({ id: f.proLead }), 403),
  },
  'POST /api/ofair/leads/:id/share': {
    access: 'roles',
    wrongRole: 'ofair-consumer',
    crossTenant: on('ofair-plumber', (f) => ({ id: f.proLead }), 403, {
      receiver_ids: ['00000000-0000-7000-8000-000000000000'],
    }),
  },
  'GET /api/ofair/leads/:id/proposals': {
    access: 'roles',
    wrongRole: 'candidate',
    crossTenant: on('ofair-electrician', (f) => ({ id: f.consumerLead }), 'empty-list'),
  },
  'POST /api/ofair/leads/:id/proposals': { access: 'roles', wrongRole: 'ofair-consumer' },
  'GET /api/ofair/proposals/mine': { access: 'roles', wrongRole: 'ofair-consumer' },
  'PUT /api/ofair/proposals/:id': {
    access: 'roles',
    wrongRole: 'ofair-consumer',
    crossTenant: on('ofair-electrician', (f) => ({ id: f.proposal }), 404, { description: 'x', version: 1 }),
  },
  'POST /api/ofair/proposals/:id/cancel': {
    access: 'roles',
    wrongRole: 'ofair-consumer',
    crossTenant: on('ofair-electrician', (f) => ({ id: f.proposal }), 404),
  },
  'POST /api/ofair/proposals/:id/accept': {
    access: 'roles',
    wrongRole: 'agency-recruiter',
    crossTenant: on('ofair-electrician', (f) => ({ id: f.proposal }), 404, { consent: true }),
  },
  'GET /api/ofair/referrals': { access: 'roles', wrongRole: 'ofair-consumer' },
  'POST /api/ofair/referrals/:id/accept': {
    access: 'roles',
    wrongRole: 'ofair-consumer',
    crossTenant: on('ofair-electrician', (f) => ({ id: f.referral }), 403),
  },
  'POST /api/ofair/referrals/:id/reject': {
    access: 'roles',
    wrongRole: 'ofair-admin',
    crossTenant: on('ofair-electrician', (f) => ({ id: f.referral }), 403),
  },
  'GET /api/ofair/admin/leads': { access: 'roles', wrongRole: 'ofair-electrician' },
  'POST /api/ofair/admin/leads/:id/remove': { access: 'roles', wrongRole: 'ofair-consumer' },
  'GET /api/ofair/admin/contact-access-logs': { access: 'roles', wrongRole: 'ofair-plumber' },
  'GET /api/ofair/admin/exports/leads.csv': { access: 'roles', wrongRole: 'ofair-consumer' },
  'GET /api/ofair/admin/analytics': { access: 'roles', wrongRole: 'ofair-electrician' },
  'GET /api/ofair/admin/exports/analytics.csv': { access: 'roles', wrongRole: 'ofair-plumber' },
  'GET /api/ofair/admin/users': { access: 'roles', wrongRole: 'ofair-consumer' },
  'POST /api/ofair/admin/users/:id/suspend': { access: 'roles', wrongRole: 'ofair-electrician' },
  'POST /api/ofair/admin/users/:id/reactivate': { access: 'roles', wrongRole: 'ofair-plumber' },
  'POST /api/ofair/admin/users/:id/contacts': { access: 'roles', wrongRole: 'ofair-consumer' },
  'GET /api/ofair/admin/disputes/:id': { access: 'roles', wrongRole: 'ofair-electrician' },
  'GET /api/ofair/admin/pii-reads': { access: 'roles', wrongRole: 'ofair-plumber' },
  ...invoiceRouteMatrix,
  // OFAIR II settlement (settlement/routes.ts)
  'POST /api/ofair/proposals/:id/complete': {
    access: 'roles',
    wrongRole: 'ofair-consumer',
    crossTenant: on('ofair-electrician', (f) => ({ id: f.proposal }), 404, {
      final_amount: { amount: '50000', currency: 'ILS' },
    }),
  },
  'POST /api/ofair/proposals/:id/confirm': { access: 'roles', wrongRole: 'agency-recruiter' },
  'POST /api/ofair/proposals/:id/dispute': { access: 'roles', wrongRole: 'agency-recruiter' },
  'POST /api/ofair/proposals/:id/dispute/response': { access: 'roles', wrongRole: 'agency-recruiter' },
  'GET /api/ofair/payments/:id': { access: 'roles', wrongRole: 'agency-recruiter' },
  'GET /api/ofair/leads/:id/payment': { access: 'roles', wrongRole: 'agency-recruiter' },
  'GET /api/ofair/balances/:pro_id': {
    access: 'roles',
    wrongRole: 'ofair-consumer',
    crossTenant: on('ofair-plumber', (f) => ({ pro_id: f.electrician }), 404),
  },
  'POST /api/ofair/wallets/:professional_id/withdraw': {
    access: 'roles',
    wrongRole: 'ofair-consumer',
    crossTenant: on('ofair-plumber', (f) => ({ professional_id: f.electrician }), 404, {
      amount: { amount: '100', currency: 'ILS' },
    }),
  },
  'GET /api/ofair/admin/withdrawals': { access: 'roles', wrongRole: 'ofair-electrician' },
  'POST /api/ofair/admin/withdrawals/:id/approve': { access: 'roles', wrongRole: 'ofair-electrician' },
  'POST /api/ofair/admin/withdrawals/:id/reject': { access: 'roles', wrongRole: 'ofair-plumber' },
  'GET /api/ofair/admin/disputes': { access: 'roles', wrongRole: 'ofair-electrician' },
  'POST /api/ofair/admin/resolve-dispute/:id': { access: 'roles', wrongRole: 'ofair-plumber' },
  'POST /api/ofair/admin/payments/:id/release': { access: 'roles', wrongRole: 'ofair-electrician' },
  'GET /api/ofair/admin/finance/commissions': { access: 'roles', wrongRole: 'ofair-electrician' },
  'GET /api/ofair/admin/finance/balances': { access: 'roles', wrongRole: 'ofair-plumber' },
  'GET /api/ofair/admin/settlement-settings': { access: 'roles', wrongRole: 'ofair-electrician' },
  'PUT /api/ofair/admin/settlement-settings': { access: 'roles', wrongRole: 'ofair-consumer' },
  // OFAIR III lead chat (chat/routes.ts): the owner and each proposer; anyone else 403
  'GET /api/ofair/chats': { access: 'roles', wrongRole: 'company-admin' },
  'GET /api/ofair/leads/:id/chats': {
    access: 'roles',
    wrongRole: 'company-admin',
    crossTenant: on('ofair-electrician', (f) => ({ id: f.consumerLead }), 403),
  },
  'POST /api/ofair/proposals/:id/chat': {
    access: 'roles',
    wrongRole: 'company-admin',
    crossTenant: on('ofair-electrician', (f) => ({ id: f.proposal }), 403),
  },
  'GET /api/ofair/admin/leads/:id/transcripts': { access: 'roles', wrongRole: 'ofair-consumer' },
}
