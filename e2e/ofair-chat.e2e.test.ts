import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { RunningApp } from '../apps/server/src/app.ts'
import { ConversationHub } from '../apps/server/src/modules/conversations/hub.ts'
import {
  hebrewPageAs,
  launchBrowser,
  type PageProblems,
  screenshot,
  settle,
} from '../packages/testing/src/browser.ts'
import { api, type World } from '../packages/testing/src/factories/index.ts'
import {
  makeConsumerLead,
  makeProfessional,
  ofairPerson,
  propose,
} from '../packages/testing/src/factories/ofair.ts'
import type { TestSession } from '../packages/testing/src/sessions.ts'
import { startTestApp } from '../packages/testing/src/test-app.ts'
import { useTestDatabase } from '../packages/testing/src/test-database.ts'

/**
 * The lead chat in two browsers: the consumer who posted the request (desktop) and the plumber who
 * proposed (a phone). Before acceptance a phone number typed into the chat is hidden on both sides;
 * markup typed in shows as text; "seen" ticks arrive in real time; after acceptance the number shows.
 */
const database = useTestDatabase()
let app: RunningApp & { baseUrl: string }
let browser: Browser
let w: World
const PHONE = { width: 390, height: 844 }
type Opened = { page: Page; context: BrowserContext; problems: PageProblems }
const opened: Opened[] = []
/** Refused requests of the pages (the settlement card asks for a payment that does not exist yet: 404). */
const failed: string[] = []

beforeAll(async () => {
  vi.setConfig({ expect: { poll: { timeout: 15_000, interval: 150 } } })
  app = await startTestApp(database.current.url)
  ;(app.ctx.config.http as { publicUrl: string }).publicUrl = app.baseUrl
  w = { ctx: app.ctx, baseUrl: app.baseUrl }
  browser = await launchBrowser()
})
afterAll(async () => {
  for (const o of opened) await o.context.close().catch(() => {})
  await browser?.close()
  await app?.stop()
})

async function as(session: TestSession, viewport?: { width: number; height: number }): Promise<Opened> {
  const o = await hebrewPageAs(browser, app.baseUrl, session.token, viewport)
  o.page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${new URL(r.url()).pathname}`)
  })
  opened.push(o)
  return o
}

const visible = (locator: Locator) => expect.poll(() => locator.first().isVisible()).toBe(true)

async function noOverflow(page: Page) {
  const width = await page.evaluate('document.documentElement.scrollWidth')
  expect(width).toBeLessThanOrEqual(PHONE.width)
}

async function send(page: Page, text: string) {
  await page.getByTestId('chat-input').fill(text)
  await page.getByTestId('chat-send').click()
  await expect.poll(() => page.getByTestId('chat-input').inputValue()).toBe('')
}

describe('OFAIR lead chat in two browsers', () => {
  it('masks a phone number before acceptance, shows it after, with seen ticks and text-only messages', async () => {
    const consumer = await ofairPerson(w, 'consumer', 'מיכל כהן')
    const pro = await makeProfessional(w, { profession_category_id: 'plumbing' }, { name: 'יוסי האינסטלטור' })
    const lead = await makeConsumerLead(w, consumer, { title: 'נזילה מתחת לכיור במטבח' })
    const proposal = await propose(w, pro, lead.id, '45000')

    const owner = await as(consumer.session)
    const proPage = await as(pro.session, PHONE)
    await owner.page.goto(`/ofair/leads/${lead.id}`)
    await proPage.page.goto(`/ofair/leads/${lead.id}`)
    for (const p of [owner.page, proPage.page]) {
      await visible(p.getByTestId('chat-panel'))
      await expect.poll(() => p.getByTestId('chat-connection').getAttribute('data-state')).toBe('online')
      await visible(p.getByTestId('chat-masking-note'))
    }

    // before acceptance: the owner's phone number is hidden on both sides, with a hint why
    await send(owner.page, 'היי יוסי, אפשר להתקשר אליי 050-765-4321 אחרי 17:00')
    for (const p of [proPage.page, owner.page]) {
      const bubble = p.getByTestId('chat-message').filter({ hasText: 'היי יוסי' })
      await visible(bubble)
      expect(await bubble.innerText()).toContain('•••')
      expect(await bubble.innerText()).not.toContain('765')
      await visible(bubble.getByTestId('chat-masked-hint'))
    }
    // markup is text: nothing runs, the characters show
    let dialogs = 0
    for (const o of [owner, proPage]) o.page.on('dialog', (d) => void d.dismiss().then(() => dialogs++))
    await send(proPage.page, '<script>alert(1)</script> <b>מגיע</b> מחר בבוקר')
    await visible(owner.page.getByText('<script>alert(1)</script> <b>מגיע</b> מחר בבוקר'))
    expect(dialogs).toBe(0)
    // the proposer has read the owner's message: the owner sees the double tick
    await visible(
      owner.page.getByTestId('chat-message').filter({ hasText: 'היי יוסי' }).getByTestId('chat-seen'),
    )
    await settle(owner.page)
    await settle(proPage.page)
    await noOverflow(proPage.page)
    await screenshot(owner.page, 'ofair-chat-owner-before-acceptance')
    await screenshot(proPage.page, 'ofair-chat-pro-before-acceptance-phone')

    // the owner accepts the proposal: the number becomes visible to both after a reload
    const accepted = await api(w, consumer.session).post(`/api/ofair/proposals/${proposal.id}/accept`, {
      consent: true,
    })
    expect(accepted.status).toBe(200)
    for (const p of [owner.page, proPage.page]) {
      await p.reload()
      await visible(p.getByTestId('chat-message').filter({ hasText: '050-765-4321' }))
      expect(await p.getByTestId('chat-masking-note').count()).toBe(0)
    }
    // and what is typed now arrives in real time, unmasked
    await expect
      .poll(() => owner.page.getByTestId('chat-connection').getAttribute('data-state'))
      .toBe('online')
    await send(proPage.page, 'מעולה, אני ברחוב הרצל 12 אם צריך')
    await visible(owner.page.getByText('מעולה, אני ברחוב הרצל 12 אם צריך'))
    await settle(owner.page)
    await settle(proPage.page)
    await noOverflow(proPage.page)
    await screenshot(owner.page, 'ofair-chat-owner-after-acceptance')
    await screenshot(proPage.page, 'ofair-chat-pro-after-acceptance-phone')

    // "my messages": a new message from the owner shows as unread, in the list and the menu
    await proPage.page.goto('/ofair/chats')
    await visible(proPage.page.getByTestId('my-chat'))
    await send(owner.page, 'עוד שאלה קטנה: יש חניה ליד הבניין')
    await proPage.page.reload()
    await visible(proPage.page.getByTestId('my-chat-unread'))
    expect(await proPage.page.getByTestId('my-chat-unread').innerText()).toBe('הודעה חדשה')
    await settle(proPage.page)
    await noOverflow(proPage.page)
    await screenshot(proPage.page, 'ofair-chats-list-phone')
    await owner.page.goto('/ofair/chats')
    await visible(owner.page.getByTestId('my-chat'))
    await settle(owner.page)
    await screenshot(owner.page, 'ofair-chats-list-owner')
    // opening the lead reads it: the count goes away
    await proPage.page.getByTestId('my-chat').getByRole('link').click()
    await visible(proPage.page.getByText('עוד שאלה קטנה: יש חניה ליד הבניין'))
    await proPage.page.goto('/ofair/chats')
    await visible(proPage.page.getByTestId('my-chat'))
    await expect.poll(() => proPage.page.getByTestId('my-chat-unread').count()).toBe(0)

    // the push restarts (a deploy, a lost connection): the page reconnects with backoff and reads
    // what it missed from its last message id
    await proPage.page.goto(`/ofair/leads/${lead.id}`)
    await expect
      .poll(() => proPage.page.getByTestId('chat-connection').getAttribute('data-state'))
      .toBe('online')
    const hub = app.ctx.services.conversationHub!
    await hub.stop()
    await expect
      .poll(() => proPage.page.getByTestId('chat-connection').getAttribute('data-state'))
      .toBe('reconnecting')
    await screenshot(proPage.page, 'ofair-chat-reconnecting-phone')
    const thread = (await api(w, consumer.session).get(`/api/ofair/leads/${lead.id}/chats`)).body.data[0]
    const missed = await api(w, consumer.session).post(
      `/api/conversations/${thread.conversation_id}/messages`,
      {
        text: 'נשלחה בזמן שהחיבור התחדש',
      },
    )
    expect(missed.status).toBe(201)
    const restarted = new ConversationHub(app.ctx)
    await restarted.start()
    app.ctx.services.conversationHub = restarted
    // the client's backoff has grown to up to 10 s by now: allow it two more tries
    await expect
      .poll(() => proPage.page.getByTestId('chat-connection').getAttribute('data-state'), { timeout: 30_000 })
      .toBe('online')
    await visible(proPage.page.getByText('נשלחה בזמן שהחיבור התחדש'))

    // the only refused request is the settlement card's look for a payment not made yet (OFAIR II)
    expect(failed.filter((f) => !/^404 \/api\/ofair\/leads\/[^/]+\/payment$/.test(f))).toEqual([])
    const loadErrors = /Failed to load resource: the server responded with a status of 404/
    expect(owner.problems.errors.filter((e) => !loadErrors.test(e))).toEqual([])
    expect(proPage.problems.errors.filter((e) => !loadErrors.test(e))).toEqual([])
  })
})
