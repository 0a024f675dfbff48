/**
 * Prints the test corpus: every resume of `specs.ts` as a PDF (HTML printed by Chromium, as the
 * product prints invoices; CSS columns and a grid sidebar make real two-column PDFs) or a DOCX (the
 * `docx` package), with `<id>.expected.json` beside it. The files are committed so tests need no
 * Chromium; run this again after changing a spec:
 *
 *   node apps/server/src/modules/resumes/corpus/make-corpus.ts
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { canonicalSkill } from '@app/skills'
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx'
import { closePdfPrinter, printHtmlToPdf } from '../../../kernel/pdf.ts'
import { MONTHS_HE } from '../parsing/parse-resume.ts'
import { CORPUS, type DateStyle, type PositionSpec, type ResumeSpec } from './specs.ts'

const DIR = path.dirname(fileURLToPath(import.meta.url))
export const FILES_DIR = path.join(DIR, 'files')
/** "Now" for every resume of the corpus: current positions run until this month. */
export const CORPUS_AS_OF = '2026-12-01T00:00:00Z'

const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const MONTH = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

function fmt(ym: string, style: DateStyle): string {
  const [y, m] = ym.split('-').map(Number) as [number, number]
  switch (style) {
    case 'mon-yyyy':
      return `${MON[m - 1]} ${y}`
    case 'month-yyyy-to':
      return `${MONTH[m - 1]} ${y}`
    case 'yyyy':
      return String(y)
    case 'mm/yyyy':
    case 'he-mm/yyyy':
      return `${String(m).padStart(2, '0')}/${y}`
    case 'mon-dot-yyyy':
      return `${MON[m - 1]}${m === 5 ? '' : '.'} ${y}`
    case 'he-month-yyyy':
      return `${MONTHS_HE[m - 1]} ${y}`
  }
}

const PRESENT: Record<DateStyle, string> = {
  'mon-yyyy': 'Present',
  'month-yyyy-to': 'Present',
  yyyy: 'now',
  'mm/yyyy': 'Current',
  'he-mm/yyyy': 'היום',
  'mon-dot-yyyy': 'Present',
  'he-month-yyyy': 'הווה',
}

function dates(p: PositionSpec, spec: ResumeSpec): string {
  const present = spec.lang === 'ru' ? 'н.в.' : PRESENT[spec.dateStyle]
  const end = p.end ? fmt(p.end, spec.dateStyle) : present
  const sep =
    spec.dateStyle === 'month-yyyy-to'
      ? ' to '
      : spec.dateStyle === 'mm/yyyy'
        ? ' - '
        : spec.dateStyle === 'mon-dot-yyyy'
          ? ' — '
          : ' – '
  return `${fmt(p.start, spec.dateStyle)}${sep}${end}`
}

const HEADINGS = {
  en: [
    { summary: 'Summary', experience: 'Experience', education: 'Education', skills: 'Skills' },
    {
      summary: 'Profile',
      experience: 'Work Experience',
      education: 'Education',
      skills: 'Technical Skills',
    },
    {
      summary: 'About',
      experience: 'Professional Experience',
      education: 'Education & Training',
      skills: 'Core Skills',
    },
  ],
  he: [{ summary: 'תקציר', experience: 'ניסיון תעסוקתי', education: 'השכלה', skills: 'כישורים' }],
  ru: [{ summary: 'О себе', experience: 'Опыт работы', education: 'Образование', skills: 'Навыки' }],
} as const

function headings(spec: ResumeSpec) {
  const list = HEADINGS[spec.lang]
  return list[Number(spec.id.slice(0, 2)) % list.length] ?? list[0]
}

/** The position's header lines, as the layout writes them. */
function positionLines(p: PositionSpec, spec: ResumeSpec): { bold: string; rest: string; right?: string }[] {
  const d = dates(p, spec)
  switch (spec.headerStyle) {
    case 'title-then-employer-dates':
      return [
        { bold: p.title, rest: '' },
        { bold: '', rest: `${p.employer} · ${d}` },
      ]
    case 'employer-dash-title':
      return [
        { bold: p.employer, rest: ` — ${p.title}` },
        { bold: '', rest: d },
      ]
    case 'title-at-employer':
      return [{ bold: p.title, rest: ` at ${p.employer} | ${d}` }]
    case 'title-comma-employer':
      return [{ bold: p.title, rest: `, ${p.employer}`, right: d }]
    case 'employer-city-then-title':
      return [
        { bold: p.employer, rest: spec.employerCity ? `, ${spec.employerCity}` : '' },
        { bold: '', rest: p.title, right: d },
      ]
  }
}

function educationLine(e: ResumeSpec['education'][number], spec: ResumeSpec): string {
  return spec.lang === 'en'
    ? `${e.degree} — ${e.institution}, ${e.year}`
    : `${e.degree}, ${e.institution}, ${e.year}`
}

const LABELS = {
  en: { email: 'Email', phone: 'Phone', location: 'Location' },
  he: { email: 'דוא״ל', phone: 'טלפון', location: 'מגורים' },
  ru: { email: 'Email', phone: 'Телефон', location: 'Город' },
}

function contactLines(spec: ResumeSpec): string[] {
  const l = LABELS[spec.lang]
  if (!spec.labelledContact) return [spec.email, spec.phone, spec.location].filter(Boolean) as string[]
  return [
    spec.email && `${l.email}: ${spec.email}`,
    spec.phone && `${l.phone}: ${spec.phone}`,
    spec.location && `${l.location}: ${spec.location}`,
  ].filter(Boolean) as string[]
}

const displayName = (spec: ResumeSpec) => (spec.upperName ? spec.name.toUpperCase() : spec.name)

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

function html(spec: ResumeSpec): string {
  const h = headings(spec)
  const rtl = spec.lang === 'he'
  const contact = contactLines(spec)
  const section = (key: ResumeSpec['order'][number]): string => {
    switch (key) {
      case 'summary':
        return spec.summary ? `<section><h2>${h.summary}</h2><p>${esc(spec.summary)}</p></section>` : ''
      case 'experience':
        return `<section><h2>${h.experience}</h2>${spec.positions
          .map(
            (p) =>
              `<div class="pos">${positionLines(p, spec)
                .map(
                  (l) =>
                    `<div class="ph"><span><b>${esc(l.bold)}</b>${esc(l.rest)}</span>${l.right ? `<span>${esc(l.right)}</span>` : ''}</div>`,
                )
                .join('')}<ul>${p.bullets.map((b) => `<li>${esc(b)}</li>`).join('')}</ul></div>`,
          )
          .join('')}</section>`
      case 'education':
        return `<section><h2>${h.education}</h2>${spec.education.map((e) => `<p>${esc(educationLine(e, spec))}</p>`).join('')}</section>`
      case 'skills':
        return `<section><h2>${h.skills}</h2><p>${esc(spec.skills.join(', '))}</p></section>`
    }
  }
  const header = `<header><h1>${esc(displayName(spec))}</h1>${spec.headline ? `<div class="headline">${esc(spec.headline)}</div>` : ''}${
    spec.layout === 'sidebar'
      ? ''
      : spec.labelledContact
        ? contact.map((c) => `<div class="contact">${esc(c)}</div>`).join('')
        : `<div class="contact">${contact.map(esc).join(' · ')}</div>`
  }</header>`
  const extra = spec.extraSection
    ? `<section><h2>${esc(spec.extraSection.heading)}</h2>${spec.extraSection.lines.map((l) => `<p>${esc(l)}</p>`).join('')}</section>`
    : ''
  let body: string
  if (spec.layout === 'sidebar') {
    const side = `<aside><section><h2>${rtl ? 'פרטי קשר' : 'Contact'}</h2>${contact.map((c) => `<p>${esc(c)}</p>`).join('')}</section>${section('skills')}${section('education')}</aside>`
    const main = `<main>${spec.order
      .filter((k) => k !== 'skills' && k !== 'education')
      .map(section)
      .join('')}${extra}</main>`
    body = `<div class="grid">${side}${main}</div>`
  } else if (spec.layout === 'two-column') {
    body = `<div class="cols">${spec.order.map(section).join('')}${extra}</div>`
  } else {
    body = spec.order.map(section).join('') + extra
  }
  return `<!doctype html><html lang="${spec.lang}" dir="${rtl ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><style>
  body { font-family: 'DejaVu Sans', 'Noto Sans Hebrew', 'Taamey Frank CLM', sans-serif; font-size: 10pt; margin: 18mm; color: #222 }
  h1 { font-size: 20pt; margin: 0 0 4px } h2 { font-size: 12pt; margin: 12px 0 4px; text-transform: uppercase; color: #345 }
  .contact, .headline { color: #555 } p { margin: 2px 0 } ul { margin: 2px 0 6px; padding-inline-start: 16px }
  .ph { display: flex; justify-content: space-between; gap: 12px } .pos { margin-bottom: 6px; break-inside: avoid }
  .cols { column-count: 2; column-gap: 28px } section { break-inside: avoid }
  .grid { display: grid; grid-template-columns: 34% 1fr; gap: 28px }
</style></head><body>${header}${body}</body></html>`
}

async function docx(spec: ResumeSpec): Promise<Buffer> {
  const h = headings(spec)
  const rtl = spec.lang === 'he'
  const p = (
    text: string,
    opts: { bold?: boolean; heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel] } = {},
  ) =>
    new Paragraph({
      bidirectional: rtl,
      alignment: rtl ? AlignmentType.RIGHT : AlignmentType.LEFT,
      heading: opts.heading,
      children: [new TextRun({ text, bold: opts.bold, rightToLeft: rtl })],
    })
  const out: Paragraph[] = [p(displayName(spec), { heading: HeadingLevel.TITLE })]
  const contact = contactLines(spec)
  if (spec.labelledContact) for (const c of contact) out.push(p(c))
  else out.push(p(contact.join(' | ')))
  for (const key of spec.order) {
    if (key === 'summary' && spec.summary)
      out.push(p(h.summary, { heading: HeadingLevel.HEADING_1 }), p(spec.summary))
    if (key === 'experience') {
      out.push(p(h.experience, { heading: HeadingLevel.HEADING_1 }))
      for (const pos of spec.positions) {
        for (const l of positionLines(pos, spec))
          out.push(p(`${l.bold}${l.rest}${l.right ? `\t${l.right}` : ''}`))
        for (const b of pos.bullets) out.push(p(`• ${b}`))
      }
    }
    if (key === 'education') {
      out.push(p(h.education, { heading: HeadingLevel.HEADING_1 }))
      for (const e of spec.education) out.push(p(educationLine(e, spec)))
    }
    if (key === 'skills')
      out.push(p(h.skills, { heading: HeadingLevel.HEADING_1 }), p(spec.skills.join(', ')))
  }
  if (spec.extraSection)
    out.push(
      p(spec.extraSection.heading, { heading: HeadingLevel.HEADING_1 }),
      ...spec.extraSection.lines.map((l) => p(l)),
    )
  const doc = new Document({
    creator: 'corpus',
    sections: [
      {
        properties: spec.layout === 'two-column' ? { column: { count: 2, space: 708 } } : {},
        children: out,
      },
    ],
  })
  return Packer.toBuffer(doc)
}

function monthIndex(ym: string): number {
  const [y, m] = ym.split('-').map(Number) as [number, number]
  return y * 12 + (m - 1)
}

/** Months in the union of the positions (overlaps counted once), to `asOf` for current ones. */
export function expectedYears(positions: readonly PositionSpec[], asOf = CORPUS_AS_OF): number {
  const now = monthIndex(asOf.slice(0, 7))
  const ranges = positions
    .map((p) => [monthIndex(p.start), p.end ? monthIndex(p.end) : now] as const)
    .sort((a, b) => a[0] - b[0])
  let months = 0
  let cur: [number, number] | null = null
  for (const [s, e] of ranges) {
    if (cur && s <= cur[1]) cur[1] = Math.max(cur[1], e)
    else {
      if (cur) months += cur[1] - cur[0]
      cur = [s, e]
    }
  }
  if (cur) months += cur[1] - cur[0]
  return Math.round((months / 12) * 10) / 10
}

/** What a careful reader fills in from the resume: the answer key of the evaluation. */
export function expectedFields(spec: ResumeSpec) {
  const supported = spec.lang !== 'ru'
  return {
    id: spec.id,
    held_out: spec.heldOut ?? false,
    file: `${spec.id}.${spec.format}`,
    language_supported: supported,
    name: supported ? spec.name : null,
    email: spec.email,
    phone: spec.phoneE164,
    location: spec.location,
    titles: supported ? [...new Set(spec.positions.map((p) => p.title))] : [],
    employers: supported
      ? spec.positions.map((p) => ({
          name: p.employer,
          title: p.title,
          start: spec.dateStyle === 'yyyy' ? p.start.slice(0, 4) : p.start,
          end: p.end === null ? null : spec.dateStyle === 'yyyy' ? p.end.slice(0, 4) : p.end,
        }))
      : [],
    years_of_experience: supported ? expectedYears(spec.positions) : null,
    education: supported
      ? spec.education.map((e) => ({ degree: e.degree, institution: e.institution, year: e.year }))
      : [],
    skills: [
      ...new Set(
        spec.expectedSkills.map((s) => {
          const skill = canonicalSkill(s)
          if (!skill) throw new Error(`${spec.id}: "${s}" is not in the skills taxonomy`)
          return skill.label
        }),
      ),
    ].sort(),
  }
}

export type ExpectedResume = ReturnType<typeof expectedFields>

async function main() {
  fs.mkdirSync(FILES_DIR, { recursive: true })
  try {
    for (const spec of CORPUS) {
      const bytes = spec.format === 'pdf' ? await printHtmlToPdf(html(spec)) : await docx(spec)
      fs.writeFileSync(path.join(FILES_DIR, `${spec.id}.${spec.format}`), bytes)
      fs.writeFileSync(
        path.join(FILES_DIR, `${spec.id}.expected.json`),
        `${JSON.stringify(expectedFields(spec), null, 2)}\n`,
      )
      console.log(`${spec.id}.${spec.format}  ${bytes.length} bytes`)
    }
  } finally {
    await closePdfPrinter()
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main()
