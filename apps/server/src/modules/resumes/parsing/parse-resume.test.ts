import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  checkZip,
  DOCX_MEDIA_TYPE,
  extractResumeText,
  PDF_MEDIA_TYPE,
  ResumeExtractionError,
} from './extract-text.ts'
import { detectLanguage, type ParsedPosition, parseResumeText, yearsOfExperience } from './parse-resume.ts'

const NOW = new Date('2026-12-01T00:00:00Z')

function position(start: string, end: string | null): ParsedPosition {
  return {
    title: 't',
    employer: 'e',
    start,
    end,
    current: end === null,
    confidence: 1,
    evidence: { snippet: '', offset: 0 },
  }
}

describe('parseResumeText', () => {
  it('reads contact details, normalising Israeli and international phone numbers to E.164', () => {
    const text = `Dana Levi\ndana@example.com · 052-345-6789 · Tel Aviv, Israel\nExperience\nEngineer, Wix  Jan 2020 – Present`
    const f = parseResumeText(text, NOW).fields
    expect(f.name?.value).toBe('Dana Levi')
    expect(f.name?.evidence).toEqual({ snippet: 'Dana Levi', offset: 0 })
    expect(f.email?.value).toBe('dana@example.com')
    expect(f.phone?.value).toBe('+972523456789')
    expect(f.phone?.evidence?.snippet).toBe('052-345-6789')
    expect(text.slice(f.phone?.evidence?.offset, (f.phone?.evidence?.offset ?? 0) + 12)).toBe('052-345-6789')
    expect(f.location?.value).toBe('Tel Aviv, Israel')
    expect(parseResumeText('Jo Smith\n+1 (415) 555-0142', NOW).fields.phone?.value).toBe('+14155550142')
    expect(parseResumeText('יוסי כהן\n03-555-7788', NOW).fields.phone?.value).toBe('+97235557788')
  })

  it('does not take a date range for a phone number', () => {
    const f = parseResumeText('Jo Smith\nExperience\nEngineer, Acme  2016 - 2018', NOW).fields
    expect(f.phone).toBeNull()
  })

  it('reads positions in several date formats, current ones included', () => {
    const text = [
      'Experience',
      'Senior Engineer at Acme | 03/2018 - 06/2020',
      'Data Analyst, Globex  March 2015 to February 2018',
      'Team Lead — Initech  Sep 2020 – Present',
      'מפתח Backend, נייס  08/2012 – היום',
    ].join('\n')
    const ps = parseResumeText(text, NOW).fields.employers.map((p) => [
      p.title,
      p.employer,
      p.start,
      p.end,
      p.current,
    ])
    expect(ps).toEqual([
      ['Senior Engineer', 'Acme', '2018-03', '2020-06', false],
      ['Data Analyst', 'Globex', '2015-03', '2018-02', false],
      ['Team Lead', 'Initech', '2020-09', null, true],
      ['מפתח Backend', 'נייס', '2012-08', null, true],
    ])
  })

  it('maps skills to the taxonomy with their evidence, and not from e-mail domains or employers', () => {
    const text =
      'Jo Smith\njo@example.net\nExperience\nEngineer, HubSpot  2019 – 2021\nBuilt ReactJS apps\nSkills\nK8s, Postgres'
    const skills = parseResumeText(text, NOW).fields.skills
    expect(skills.map((s) => s.label).sort()).toEqual(['Kubernetes', 'PostgreSQL', 'React'])
    const react = skills.find((s) => s.label === 'React')
    expect(react?.evidence.snippet).toBe('ReactJS')
    expect(text.slice(react?.evidence.offset)).toMatch(/^ReactJS/)
    expect(skills.find((s) => s.label === 'Kubernetes')?.confidence).toBeGreaterThan(react?.confidence ?? 1)
  })

  it('tells English and Hebrew from other scripts', () => {
    expect(detectLanguage('Senior engineer with Python')).toBe('en')
    expect(detectLanguage('מפתחת Full Stack עם ניסיון ב-React')).toBe('he')
    expect(detectLanguage('Разработчик программного обеспечения, Python')).toBe('unsupported')
    expect(detectLanguage('软件工程师 负责后端开发 Python')).toBe('unsupported')
    const parse = parseResumeText('李明\nli@example.cn\n软件工程师 负责后端开发 使用 Python 和 Kafka', NOW)
    expect(parse.warnings.map((w) => w.code)).toEqual(['language_unsupported'])
    expect(parse.fields.skills.map((s) => s.label).sort()).toEqual(['Kafka', 'Python'])
    expect(parse.fields.name).toBeNull()
  })

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (s) => {
        parseResumeText(s, NOW)
      }),
      { numRuns: 300 },
    )
  })
})

describe('yearsOfExperience', () => {
  const ym = fc
    .tuple(fc.integer({ min: 1995, max: 2026 }), fc.integer({ min: 1, max: 12 }))
    .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`)
  const range = fc
    .tuple(ym, fc.option(ym))
    .map(([a, b]) => (b !== null && b < a ? [b, a] : [a, b]) as [string, string | null])
  const months = (s: string) => Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7)) - 1
  const nowMonths = 2026 * 12 + 11

  it('counts overlapping positions once: at least the longest, at most the sum, whatever the order', () => {
    fc.assert(
      fc.property(fc.array(range, { minLength: 1, maxLength: 6 }), (ranges) => {
        const lengths = ranges.map(([s, e]) => (e === null ? nowMonths : months(e)) - months(s))
        const years = yearsOfExperience(
          ranges.map(([s, e]) => position(s, e)),
          NOW,
        )?.value as number
        const reversed = yearsOfExperience(
          [...ranges].reverse().map(([s, e]) => position(s, e)),
          NOW,
        )?.value
        expect(reversed).toBe(years)
        expect(years).toBeGreaterThanOrEqual(Math.round((Math.max(...lengths) / 12) * 10) / 10 - 0.05)
        expect(years).toBeLessThanOrEqual(lengths.reduce((a, b) => a + b, 0) / 12 + 0.05)
      }),
    )
  })

  it('merges an overlap and adds a gap-separated position', () => {
    const y = yearsOfExperience(
      [position('2015-01', '2018-01'), position('2017-01', '2019-01'), position('2020-01', '2021-01')],
      NOW,
    )
    expect(y?.value).toBe(5)
  })
})

describe('extractResumeText never crashes on bad files', () => {
  it('refuses garbage, encrypted-looking and empty inputs with a stable code', async () => {
    await expect(extractResumeText(new Uint8Array([1, 2, 3]), PDF_MEDIA_TYPE)).rejects.toMatchObject({
      code: 'unreadable_document',
    })
    await expect(extractResumeText(new Uint8Array(0), DOCX_MEDIA_TYPE)).rejects.toBeInstanceOf(
      ResumeExtractionError,
    )
    await expect(extractResumeText(new Uint8Array([0x25, 0x50]), 'image/png')).rejects.toMatchObject({
      code: 'unsupported_media_type',
    })
  })

  it('returns text or a ResumeExtractionError for any bytes', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 2000 }),
        fc.constantFrom(PDF_MEDIA_TYPE, DOCX_MEDIA_TYPE),
        async (bytes, type) => {
          try {
            await extractResumeText(bytes, type)
          } catch (err) {
            expect(err).toBeInstanceOf(ResumeExtractionError)
          }
        },
      ),
      { numRuns: 60 },
    )
  })

  it('refuses a DOCX whose entries would expand past the limit before inflating it', () => {
    expect(() => checkZip(zipWithDeclaredSize(900_000_000, 1_000))).toThrow(
      expect.objectContaining({ code: 'archive_too_large' }),
    )
    expect(() => checkZip(zipWithDeclaredSize(2_000, 1_000))).not.toThrow()
  })
})

/** A ZIP with one central-directory entry declaring the given sizes (enough for checkZip). */
function zipWithDeclaredSize(size: number, compressed: number): Uint8Array {
  const name = new TextEncoder().encode('word/document.xml')
  const cd = new Uint8Array(46 + name.length)
  const v = new DataView(cd.buffer)
  v.setUint32(0, 0x02014b50, true)
  v.setUint32(20, compressed, true)
  v.setUint32(24, size, true)
  v.setUint16(28, name.length, true)
  cd.set(name, 46)
  const eocd = new Uint8Array(22)
  const e = new DataView(eocd.buffer)
  e.setUint32(0, 0x06054b50, true)
  e.setUint16(8, 1, true)
  e.setUint16(10, 1, true)
  e.setUint32(12, cd.length, true)
  e.setUint32(16, 0, true)
  const out = new Uint8Array(cd.length + eocd.length)
  out.set(cd)
  out.set(eocd, cd.length)
  return out
}
