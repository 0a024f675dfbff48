import { type Insertable, sql } from 'kysely'
import { appendAudit } from '../../../kernel/audit/audit.ts'
import { inTransaction, systemActor } from '../../../kernel/db/transaction.ts'
import { uuidv7 } from '../../../kernel/ids.ts'
import type { SeedStep } from '../../../kernel/module.ts'
import {
  addDemoPhonePeople,
  addMemberships,
  normalizeIsraeliMobile,
  platformOrganizationId,
  userIdsByPhone,
} from '../../identity/index.ts'
import type { OfairDatabase, OfairTx } from '../database.ts'
import { TERMS } from '../leads/service.ts'
import { categoryData, type LocalityData, localityData, MAJOR_CITIES } from '../reference/reference-data.ts'
import { type DemoRng, demoRng } from './demo-rng.ts'
import {
  ABOUT_TEXTS,
  BUSINESS_WORDS,
  DESCRIPTIONS,
  FIRST_NAMES,
  LAST_NAMES,
  PROPOSAL_TEXTS,
  REFERRAL_NOTES,
  SCHEDULES,
  STREETS,
  TITLE_TEMPLATES,
} from './demo-words.ts'

const PROS = 80
const CONSUMERS = 40
const LEADS = 400
const DAY = 86_400_000
const BATCH = 500

/** The persona professionals and the consumer (identity's demo personas), by phone. */
const PERSONAS = {
  electrician: { phone: '+972523456789', category: 'electricity', city: 'תל אביב-יפו' },
  plumber: { phone: '+972542345678', category: 'plumbing', city: 'חיפה' },
  consumer: { phone: '+972502345678' },
} as const

type Row<T extends keyof OfairDatabase> = Insertable<OfairDatabase[T]>

interface Pro {
  id: string
  userId: string
  name: string
  category: string
  locality: LocalityData
  verified: boolean
  subscriber: boolean
}

/**
 * The OFAIR demo marketplace, in Hebrew: 80 professionals (the electrician and plumber personas
 * among them) across categories and cities, 40 consumers (the consumer persona among them), 400
 * leads of both kinds in every state, proposals (pending, accepted, declined, cancelled), referral
 * chains (offered, accepted, declined, claimed by another, completed, up to three levels) and, for
 * each accepted proposal, the reveal and its access-log entry. The same on every run, dated back
 * from the seed clock over the last 60 days. One transaction, as the system, multi-row inserts;
 * no outbox events (nothing to notify about the past). Running it again changes nothing.
 */
export const demoOfairSeed: SeedStep = {
  name: 'ofair.demo',
  version: 1,
  description: 'OFAIR demo marketplace (professionals, consumers, leads, referrals, proposals)',
  // needs only identity's personas: loads alongside the Splits Network demo data
  after: ['identity.demo_personas'],
  async run(ctx, progress) {
    const started = performance.now()
    return inTransaction<Record<string, unknown>, OfairDatabase>(ctx.db, systemActor('seed'), async (tx) => {
      await sql`select pg_advisory_xact_lock(hashtextextended('seed:ofair.demo', 0))`.execute(tx)
      const firstPro = demoPhone(0)
      if ((await userIdsByPhone(tx, [firstPro])).size > 0) return { skipped: 'already applied' }
      const orgId = await platformOrganizationId(tx, 'ofair')
      if (!orgId) throw new Error('ofair demo: the OFAIR platform organisation is missing (identity seed)')
      const personas = await userIdsByPhone(
        tx,
        Object.values(PERSONAS).map((p) => p.phone),
      )
      const plan = generate(ctx.clock.now(), personas, new Set(await existingProfessionalUsers(tx, personas)))
      await write(tx, plan, orgId, progress)
      const counts = Object.fromEntries(
        Object.entries(plan).map(([k, v]) => [k, Array.isArray(v) ? v.length : 0]),
      )
      await appendAudit(tx, {
        action: 'seed.ofair_demo_loaded',
        entityType: 'seed',
        entityId: 'ofair.demo',
        after: counts,
        actorRole: 'system',
      })
      return { ...counts, ms: Math.round(performance.now() - started) }
    })
  },
}

async function existingProfessionalUsers(tx: OfairTx, personas: Map<string, string>): Promise<string[]> {
  const ids = [...personas.values()]
  if (ids.length === 0) return []
  return (
    await tx.selectFrom('ofair.professionals').select('user_id').where('user_id', 'in', ids).execute()
  ).map((r) => r.user_id)
}

/** Demo professionals' and consumers' numbers: 052-8xx-xxxx, valid Israeli mobiles nobody has. */
function demoPhone(i: number): string {
  return `+9725280${String(i).padStart(5, '0')}`
}

function businessNumber(rng: DemoRng, company: boolean): string {
  const digits = [company ? 5 : rng.int(0, 3), ...Array.from({ length: 7 }, () => rng.int(0, 9))]
  let sum = 0
  digits.forEach((d, i) => {
    let x = d * ((i % 2) + 1)
    if (x > 9) x -= 9
    sum += x
  })
  // the ninth digit has weight 1 (weights 1, 2, 1, 2 … from the left): it tops the sum up to a multiple of 10
  return [...digits, (10 - (sum % 10)) % 10].join('')
}

function km(a: LocalityData, b: LocalityData): number {
  const r = Math.PI / 180
  const dLat = (b.lat - a.lat) * r
  const dLng = (b.lng - a.lng) * r
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(dLng / 2) ** 2
  return 12_742 * Math.asin(Math.sqrt(h))
}

type Plan = ReturnType<typeof generate>

function generate(now: Date, personas: Map<string, string>, hasProfile: Set<string>) {
  const rng = demoRng('ofair-demo')
  const t = now.getTime()
  const cats = categoryData()
  const catIds = cats.map((c) => c.id)
  const subsOf = new Map(cats.map((c) => [c.id, c.sub]))
  const locs = localityData()
  const byName = new Map(locs.map((l) => [l.name_he, l]))
  const cities = locs.filter((l) => MAJOR_CITIES.has(l.name_he))
  const nearby = (centre: LocalityData, radius: number) => locs.filter((l) => km(centre, l) <= radius)
  const person = () => `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`
  const street = () => `${rng.pick(STREETS)} ${rng.int(1, 120)}`

  const people: { id: string; display_name: string; phone: string; created_at: Date }[] = []
  const memberships: {
    id: string
    user_id: string
    organization_id: string
    role: 'professional' | 'consumer'
    created_at: Date
  }[] = []
  const professionals: Row<'ofair.professionals'>[] = []
  const specialties: Row<'ofair.professional_specialties'>[] = []
  const serviceAreas: Row<'ofair.professional_service_areas'>[] = []
  const subscriptions: Row<'ofair.subscriptions'>[] = []
  const consumerProfiles: Row<'ofair.consumer_profiles'>[] = []
  const pros: Pro[] = []

  const addPro = (
    userId: string,
    name: string,
    category: string,
    locality: LocalityData,
    at: Date,
    forced = false,
  ) => {
    const verified = forced || rng.chance(0.88)
    const subscriber = verified && (forced || rng.chance(0.15))
    const id = uuidv7(at.getTime())
    const company = rng.chance(0.3)
    // the random draws of the invented ratings this seed once wrote are kept, so the rest of the
    // demo data stays as it was; ratings now come from real reviews (reviews/seed.ts)
    const reviews = verified ? rng.int(0, 40) : 0
    if (reviews > 0) rng.next()
    professionals.push({
      id,
      user_id: userId,
      display_name: name,
      profession_category_id: category,
      company_name: company ? `${name.split(' ')[1]} ${rng.pick(BUSINESS_WORDS)}` : null,
      business_number: businessNumber(rng, company),
      business_type: company ? 'company' : rng.chance(0.7) ? 'osek_murshe' : 'osek_patur',
      about: rng.pick(ABOUT_TEXTS),
      base_locality_id: locality.id,
      service_radius_km: forced ? 40 : rng.pick([15, 20, 25, 30, 40]),
      working_hours: JSON.stringify({
        sun: [['08:00', '17:00']],
        mon: [['08:00', '17:00']],
        tue: [['08:00', '17:00']],
        wed: [['08:00', '17:00']],
        thu: [['08:00', '16:00']],
        fri: [['08:00', '12:00']],
      }),
      status: verified ? 'verified' : 'pending',
      verified_at: verified ? new Date(at.getTime() + DAY) : null,
      rating_sum: 0,
      review_count: 0,
      created_at: at,
      updated_at: at,
    } as Row<'ofair.professionals'>)
    for (const [sub] of rng.sample(subsOf.get(category) ?? [], rng.int(1, 3)))
      specialties.push({ professional_id: id, category_id: sub })
    for (const l of rng.sample(nearby(locality, 15), 3))
      serviceAreas.push({ professional_id: id, locality_id: l.id })
    if (!serviceAreas.some((a) => a.professional_id === id && a.locality_id === locality.id))
      serviceAreas.push({ professional_id: id, locality_id: locality.id })
    if (subscriber)
      subscriptions.push({
        professional_id: id,
        monthly_price_minor: 10_000n,
        currency: 'ILS',
        starts_at: new Date(t - 20 * DAY),
        ends_at: new Date(t + 10 * DAY),
      } as Row<'ofair.subscriptions'>)
    pros.push({ id, userId, name, category, locality, verified, subscriber })
  }

  // the persona professionals first (unless they made a profile themselves)
  for (const key of ['electrician', 'plumber'] as const) {
    const userId = personas.get(PERSONAS[key].phone)
    if (!userId || hasProfile.has(userId)) continue
    const name = key === 'electrician' ? 'משה לוי' : 'אבי מזרחי'
    addPro(
      userId,
      name,
      PERSONAS[key].category,
      byName.get(PERSONAS[key].city)!,
      new Date(t - 200 * DAY),
      true,
    )
  }
  // ... then 80 more: a third in the personas' trades and cities, so their boards are busy
  for (let i = 0; i < PROS; i++) {
    const at = new Date(t - rng.int(30, 400) * DAY)
    const userId = uuidv7(at.getTime())
    const name = person()
    people.push({ id: userId, display_name: name, phone: demoPhone(i), created_at: at })
    memberships.push({
      id: uuidv7(at.getTime()),
      user_id: userId,
      organization_id: '',
      role: 'professional',
      created_at: at,
    })
    const near = i % 3 === 0
    const category = near ? (i % 2 ? 'electricity' : 'plumbing') : rng.pick(catIds)
    const city = near ? rng.pick(nearby(byName.get(i % 2 ? 'תל אביב-יפו' : 'חיפה')!, 20)) : rng.pick(cities)
    addPro(userId, name, category, city, at)
  }
  const consumers: { userId: string; name: string; phone: string; locality: LocalityData }[] = []
  const consumerPersona = personas.get(PERSONAS.consumer.phone)
  if (consumerPersona)
    consumers.push({
      userId: consumerPersona,
      name: 'יעל כהן',
      phone: PERSONAS.consumer.phone,
      locality: byName.get('תל אביב-יפו')!,
    })
  for (let i = 0; i < CONSUMERS; i++) {
    const at = new Date(t - rng.int(10, 300) * DAY)
    const userId = uuidv7(at.getTime())
    const name = person()
    const phone = demoPhone(PROS + i)
    people.push({ id: userId, display_name: name, phone, created_at: at })
    memberships.push({
      id: uuidv7(at.getTime()),
      user_id: userId,
      organization_id: '',
      role: 'consumer',
      created_at: at,
    })
    const locality =
      i % 3 === 0 ? rng.pick(nearby(byName.get(i % 2 ? 'תל אביב-יפו' : 'חיפה')!, 20)) : rng.pick(cities)
    consumers.push({ userId, name, phone, locality })
  }
  for (const c of consumers)
    consumerProfiles.push({
      user_id: c.userId,
      locality_id: c.locality.id,
      street: street(),
      preferences: JSON.stringify({
        contact_hours: rng.pick(['morning', 'afternoon', 'evening', 'any']),
        notify_by: [rng.pick(['sms', 'email', 'push'])],
      }),
      updated_at: now,
    } as Row<'ofair.consumer_profiles'>)

  const leads: Row<'ofair.leads'>[] = []
  const consumerLeads: Row<'ofair.consumer_leads'>[] = []
  const proLeads: Row<'ofair.professional_leads'>[] = []
  const proposals: Row<'ofair.proposals'>[] = []
  const referralsByLevel: Row<'ofair.referrals'>[][] = [[], [], []]
  const completions: { id: string; status: 'completed' }[] = []
  const leadUpdates: {
    id: string
    status: 'pending' | 'closed'
    close_reason: string | null
    accepted_proposal_id: string | null
    final_amount_minor: string | null
    closed_at: Date | null
  }[] = []
  const revelations: Row<'ofair.phone_revelations'>[] = []
  const accessLogs: Row<'ofair.contact_access_logs'>[] = []
  const verifiedPros = pros.filter((p) => p.verified)
  const personaPros = pros.filter((p) => [...personas.values()].includes(p.userId))

  for (let i = 0; i < LEADS; i++) {
    const consumerLead = i % 9 < 4
    const state = rng.oneOf({ active: 70, pending: 13, completed: 11, cancelled: 6 })
    const ageDays = state === 'active' ? rng.next() * 21 : 5 + rng.next() * 55
    const at = new Date(t - Math.round(ageDays * DAY))
    const id = uuidv7(at.getTime())
    // the personas own some leads: the consumer's requests, the electrician's referred jobs
    const owner: Pro | undefined = consumerLead
      ? undefined
      : i % 23 === 1 && personaPros[0]
        ? personaPros[0]
        : rng.pick(verifiedPros)
    const customer = consumerLead ? (i % 31 === 0 ? consumers[0]! : rng.pick(consumers)) : undefined
    const category =
      owner && rng.chance(0.5)
        ? owner.category
        : rng.chance(0.4)
          ? rng.pick(['electricity', 'plumbing'])
          : rng.pick(catIds)
    const [subId, subName] = rng.pick(subsOf.get(category)!)
    const locality = customer?.locality ?? (owner ? rng.pick(nearby(owner.locality, 25)) : rng.pick(cities))
    const budgetMin = BigInt(rng.int(3, 60) * 10_000)
    const budgetMax = budgetMin + BigInt(rng.int(1, 40) * 10_000)
    const share = owner ? rng.pick([10, 15, 20, 25, 30]) * 100 : null
    leads.push({
      id,
      type: consumerLead ? 'consumer' : 'professional_referral',
      title: rng.pick(TITLE_TEMPLATES)(subName),
      short_description: rng.pick(DESCRIPTIONS),
      category_id: category,
      subcategory_id: subId,
      locality_id: locality.id,
      lat: locality.lat,
      lng: locality.lng,
      budget_min_minor: budgetMin,
      budget_max_minor: budgetMax,
      currency: 'ILS',
      preferred_schedule: rng.pick(SCHEDULES),
      status: 'active',
      created_by_user_id: owner?.userId ?? customer!.userId,
      created_by_professional_id: owner?.id ?? null,
      referrer_share_bps: share,
      platform_commission_bps: consumerLead ? TERMS.consumerCommissionBps : TERMS.professionalCommissionBps,
      minimum_job_amount_minor: consumerLead ? 0n : TERMS.minimumJobAmountMinor,
      priority: owner?.subscriber ? 1 : 0,
      published_at: at,
      created_at: at,
      updated_at: at,
    } as Row<'ofair.leads'>)
    const address = `${street()}, ${locality.name_he}`
    if (customer)
      consumerLeads.push({
        lead_id: id,
        client_name: customer.name,
        client_phone: customer.phone,
        client_address: address,
        full_description: `${rng.pick(DESCRIPTIONS)} ${rng.pick(DESCRIPTIONS)}`,
      })
    else
      proLeads.push({
        lead_id: id,
        client_name: person(),
        client_phone:
          normalizeIsraeliMobile(`05${rng.pick([0, 2, 3, 4])}-${rng.int(200, 999)}-${rng.int(1000, 9999)}`) ??
          '+972502000000',
        client_address: address,
        estimated_budget_minor: (budgetMin + budgetMax) / 2n,
        referrer_share_bps: share!,
        client_notes: 'הלקוח מעדיף שיחה טלפונית לפני הביקור.',
      } as Row<'ofair.professional_leads'>)

    // referral chain (professional leads): level-1 offers; one may be claimed and passed onward
    let performerHint: Pro | undefined
    const chain: { row: Row<'ofair.referrals'>; pro: Pro }[] = []
    if (owner && rng.chance(0.55)) {
      const inChain = new Set([owner.id])
      let parent: { id: string; total: number; pro: Pro } | undefined
      let referrer = owner
      for (let level = 1; level <= 3; level++) {
        const candidates = verifiedPros.filter(
          (p) => !inChain.has(p.id) && (p.category === category || rng.chance(0.1)),
        )
        const offered = rng.sample(
          candidates.length ? candidates : verifiedPros.filter((p) => !inChain.has(p.id)),
          rng.int(1, 3),
        )
        // the plumber persona gets offers of plumbing jobs: his inbox is not empty
        const plumber = personaPros[1]
        if (
          level === 1 &&
          plumber &&
          category === 'plumbing' &&
          !inChain.has(plumber.id) &&
          !offered.includes(plumber)
        )
          offered[0] = plumber
        const commission = level === 1 ? share! : rng.pick([0, 5, 10]) * 100
        const total = (parent?.total ?? 0) + commission
        if (total > 9000) break
        const claim =
          state !== 'active' || rng.chance(level === 1 ? 0.6 : 0.4) ? rng.int(0, offered.length - 1) : -1
        let next: { id: string; total: number; pro: Pro } | undefined
        offered.forEach((receiver, k) => {
          inChain.add(receiver.id)
          const rAt = new Date(at.getTime() + level * 3_600_000 + k * 60_000)
          const rid = uuidv7(rAt.getTime())
          const claimed = k === claim
          const declined = !claimed && rng.chance(0.3)
          const row = {
            id: rid,
            lead_id: id,
            parent_referral_id: parent?.id ?? null,
            referrer_professional_id: referrer.id,
            receiver_professional_id: receiver.id,
            level,
            commission_bps: commission,
            chain_total_bps: total,
            status: claimed ? 'accepted' : claim >= 0 ? 'rejected' : declined ? 'rejected' : 'pending',
            closed_reason: claimed ? null : claim >= 0 ? 'claimed_by_other' : declined ? 'declined' : null,
            note: rng.pick(REFERRAL_NOTES),
            created_at: rAt,
            accepted_at: claimed ? new Date(rAt.getTime() + 1_800_000) : null,
            rejected_at: !claimed && (claim >= 0 || declined) ? new Date(rAt.getTime() + 1_800_000) : null,
          } as Row<'ofair.referrals'>
          referralsByLevel[level - 1]!.push(row)
          if (claimed) {
            next = { id: rid, total, pro: receiver }
            chain.push({ row, pro: receiver })
          }
        })
        if (!next || rng.chance(0.5)) break
        parent = next
        referrer = next.pro
      }
      performerHint = chain.at(-1)?.pro
    }

    // proposals from professionals of the trade (not the owner, nor anyone up the chain but the last)
    const proposers = rng
      .sample(
        verifiedPros.filter(
          (p) =>
            p.id !== owner?.id &&
            !chain.slice(0, -1).some((c) => c.pro.id === p.id) &&
            p.category === category,
        ),
        state === 'active' ? rng.int(0, 4) : rng.int(1, 4),
      )
      .filter((p) => p.id !== performerHint?.id)
    if (performerHint) proposers.unshift(performerHint)
    if (state !== 'active' && proposers.length === 0) {
      const any = verifiedPros.find((p) => p.id !== owner?.id && !chain.some((c) => c.pro.id === p.id))
      if (any) proposers.push(any)
    }
    const winnerIndex = state === 'pending' || state === 'completed' ? 0 : -1
    const decidedAt = new Date(at.getTime() + 2 * DAY)
    let winner: { id: string; pro: Pro; price: bigint } | undefined
    proposers.forEach((p, k) => {
      const pAt = new Date(at.getTime() + (k + 1) * 5_400_000)
      const pid = uuidv7(pAt.getTime())
      const price = budgetMin + BigInt(rng.int(0, Number((budgetMax - budgetMin) / 10_000n))) * 10_000n
      const won = k === winnerIndex
      const cancelled = !won && state === 'active' && rng.chance(0.1)
      const status = won
        ? 'accepted'
        : winnerIndex >= 0
          ? 'rejected'
          : state === 'cancelled'
            ? 'rejected'
            : cancelled
              ? 'cancelled'
              : 'pending'
      proposals.push({
        id: pid,
        lead_id: id,
        professional_id: p.id,
        price_minor: price,
        currency: 'ILS',
        description: rng.pick(PROPOSAL_TEXTS),
        scheduled_date: new Date(at.getTime() + rng.int(3, 20) * DAY).toISOString().slice(0, 10),
        status,
        rejected_reason:
          status === 'rejected' ? (winnerIndex >= 0 ? 'another_accepted' : 'lead_closed') : null,
        created_at: pAt,
        updated_at: pAt,
        decided_at: status === 'pending' ? null : decidedAt,
      } as Row<'ofair.proposals'>)
      if (won) winner = { id: pid, pro: p, price }
    })
    if (state === 'active') continue
    if (winner) {
      const by = owner?.userId ?? customer!.userId
      revelations.push({
        lead_id: id,
        proposal_id: winner.id,
        revealed_to_user_id: winner.pro.userId,
        revealed_to_professional_id: winner.pro.id,
        revealed_by_user_id: by,
        consent_text: 'אני מסכים/ה למסור את פרטי הלקוח (שם, טלפון וכתובת) לבעל המקצוע שנבחר.',
        revealed_at: decidedAt,
        request_id: null,
      } as Row<'ofair.phone_revelations'>)
      accessLogs.push({
        lead_id: id,
        accessor_user_id: by,
        accessor_role: 'owner',
        action: 'revealed',
        fields: ['client_name', 'client_phone', 'client_address'],
        occurred_at: decidedAt,
        request_id: null,
      } as Row<'ofair.contact_access_logs'>)
    }
    const completed = state === 'completed' && winner !== undefined
    leadUpdates.push({
      id,
      status: completed || state === 'cancelled' || !winner ? 'closed' : 'pending',
      close_reason: completed ? 'completed' : state === 'cancelled' || !winner ? 'cancelled' : null,
      accepted_proposal_id: winner?.id ?? null,
      final_amount_minor: completed ? String(winner!.price) : null,
      closed_at: completed || state === 'cancelled' || !winner ? new Date(at.getTime() + 4 * DAY) : null,
    })
    if (completed) for (const c of chain) completions.push({ id: c.row.id as string, status: 'completed' })
  }
  return {
    people,
    memberships,
    professionals,
    specialties,
    serviceAreas,
    subscriptions,
    consumerProfiles,
    leads,
    consumerLeads,
    proLeads,
    referrals1: referralsByLevel[0]!,
    referrals2: referralsByLevel[1]!,
    referrals3: referralsByLevel[2]!,
    proposals,
    leadUpdates,
    completions,
    revelations,
    accessLogs,
  }
}

async function write(
  tx: OfairTx,
  plan: Plan,
  orgId: string,
  progress: (done: number, total: number) => void,
) {
  await addDemoPhonePeople(tx, plan.people)
  await addMemberships(
    tx,
    plan.memberships.map((m) => ({ ...m, organization_id: orgId })),
  )
  const steps: [keyof OfairDatabase, readonly object[]][] = [
    ['ofair.professionals', plan.professionals],
    ['ofair.professional_specialties', plan.specialties],
    ['ofair.professional_service_areas', plan.serviceAreas],
    ['ofair.subscriptions', plan.subscriptions],
    ['ofair.consumer_profiles', plan.consumerProfiles],
    ['ofair.leads', plan.leads],
    ['ofair.consumer_leads', plan.consumerLeads],
    ['ofair.professional_leads', plan.proLeads],
    ['ofair.referrals', plan.referrals1],
    ['ofair.referrals', plan.referrals2],
    ['ofair.referrals', plan.referrals3],
    ['ofair.proposals', plan.proposals],
  ]
  const total = steps.reduce((s, [, rows]) => s + rows.length, 0) + plan.leadUpdates.length
  let done = 0
  for (const [table, rows] of steps) {
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH)
      await tx
        .insertInto(table)
        .values(batch as never)
        .execute()
      done += batch.length
      progress(done, total)
    }
  }
  // outcomes after the rows they point at: leads accepted or closed, chains completed
  if (plan.leadUpdates.length)
    await sql`
      update ofair.leads l set status = u.status, close_reason = u.close_reason,
             accepted_proposal_id = u.accepted_proposal_id, final_amount_minor = u.final_amount_minor,
             closed_at = u.closed_at, updated_at = coalesce(u.closed_at, l.updated_at)
        from jsonb_to_recordset(${JSON.stringify(plan.leadUpdates)}::jsonb)
          as u(id uuid, status text, close_reason text, accepted_proposal_id uuid, final_amount_minor bigint,
               closed_at timestamptz)
       where l.id = u.id`.execute(tx)
  if (plan.completions.length)
    await sql`
      update ofair.referrals set status = 'completed', completed_at = accepted_at + interval '4 days'
       where id = any(${plan.completions.map((c) => c.id)}::uuid[])`.execute(tx)
  for (const [table, rows] of [
    ['ofair.phone_revelations', plan.revelations],
    ['ofair.contact_access_logs', plan.accessLogs],
  ] as const)
    for (let i = 0; i < rows.length; i += BATCH)
      await tx
        .insertInto(table)
        .values(rows.slice(i, i + BATCH) as never)
        .execute()
  progress(total, total)
}
