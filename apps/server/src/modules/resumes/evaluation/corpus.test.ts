import { describe, expect, it } from 'vitest'
import { evaluateCorpus, loadCorpus } from './evaluate-corpus.ts'

/**
 * The whole corpus parsed and scored against its answer keys. Floors per field: a change that
 * makes the parser worse on any field fails here. The held-out resumes (layouts the parser was not
 * tuned on) have their own, lower floors.
 */
describe('resume corpus', () => {
  it('has about twenty varied resumes: PDF and DOCX, one and two columns, English, Hebrew and another language', () => {
    const files = loadCorpus()
    expect(files.length).toBeGreaterThanOrEqual(20)
    const ids = files.map((f) => f.expected.file)
    expect(ids.filter((f) => f.endsWith('.docx')).length).toBeGreaterThanOrEqual(5)
    expect(ids.filter((f) => f.endsWith('.pdf')).length).toBeGreaterThanOrEqual(12)
    expect(files.filter((f) => /[\u0590-\u05ff]/.test(f.expected.name ?? '')).length).toBeGreaterThanOrEqual(
      6,
    )
    expect(files.filter((f) => !f.expected.language_supported).length).toBeGreaterThanOrEqual(2)
  })

  it('meets the floors of precision and recall per field', { timeout: 60_000 }, async () => {
    const { scores, heldOut, results } = await evaluateCorpus()
    const floors = {
      name: [0.95, 0.95],
      email: [0.98, 0.98],
      phone: [0.95, 0.95],
      location: [0.9, 0.9],
      titles: [0.9, 0.9],
      employers: [0.9, 0.9],
      positions: [0.85, 0.85],
      years_of_experience: [0.85, 0.85],
      education: [0.9, 0.9],
      skills: [0.9, 0.9],
      language: [1, 1],
    } as const
    const misses = results.filter((r) => r.misses.length).map((r) => `${r.id}: ${r.misses.join('; ')}`)
    for (const [field, [p, r]] of Object.entries(floors)) {
      const s = scores[field as keyof typeof floors]
      expect(s.precision, `${field} precision\n${misses.join('\n')}`).toBeGreaterThanOrEqual(p)
      expect(s.recall, `${field} recall\n${misses.join('\n')}`).toBeGreaterThanOrEqual(r)
    }
    for (const field of ['name', 'email', 'phone', 'location', 'education'] as const)
      expect(heldOut[field].recall, `held-out ${field}`).toBeGreaterThanOrEqual(0.9)
    for (const field of ['titles', 'employers', 'positions', 'skills'] as const)
      expect(heldOut[field].recall, `held-out ${field}`).toBeGreaterThanOrEqual(0.7)
  })

  it('reads two-column PDFs column by column, not line by line across the gutter', {
    timeout: 30_000,
  }, async () => {
    const { results } = await evaluateCorpus(loadCorpus().filter((f) => f.expected.id.startsWith('06-')))
    const parse = results[0]?.parse
    // The summary's two lines stay together; the skills section follows, then the experience.
    const positions = parse?.fields.employers.map((p) => p.employer)
    expect(positions).toEqual(['Lemonade', 'Taboola', 'Teva'])
  })

  it('reads Hebrew right-to-left PDFs in logical order, date ranges included', {
    timeout: 30_000,
  }, async () => {
    const { results } = await evaluateCorpus(loadCorpus().filter((f) => f.expected.id.startsWith('14-')))
    const f = results[0]?.parse.fields
    expect(f?.name?.value).toBe('אבי פרץ')
    expect(f?.employers.map((p) => [p.title, p.employer, p.start, p.end])).toEqual([
      ['מפתח Full Stack', 'ריסקיפייד', '2020-06', null],
      ['מפתח Backend', 'נייס', '2017-08', '2020-05'],
    ])
  })

  it('gives a resume in another language a clear warning and only what it can read', {
    timeout: 30_000,
  }, async () => {
    const { results } = await evaluateCorpus(loadCorpus().filter((f) => !f.expected.language_supported))
    for (const r of results) {
      expect(r.parse.language).toBe('unsupported')
      expect(r.parse.warnings.map((w) => w.code)).toContain('language_unsupported')
      expect(r.parse.fields.name).toBeNull()
      expect(r.parse.fields.employers).toEqual([])
      expect(r.parse.fields.email?.value).toMatch(/@example\.ru$/)
      expect(r.parse.fields.phone?.value).toMatch(/^\+7\d{10}$/)
    }
  })
})
