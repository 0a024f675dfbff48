/**
 * Resume parsing on the test corpus (apps/server/src/modules/resumes/corpus): precision and recall
 * per field (all resumes, the ones the parser was tuned on, the held-out ones), then throughput —
 * the corpus parsed again and again, one resume at a time on one core, for `--seconds` (default 10).
 *
 *   node bench/resume-parsing.ts [--seconds 10]
 */
import { parseArgs } from 'node:util'
import {
  evaluateCorpus,
  FIELDS,
  loadCorpus,
} from '../apps/server/src/modules/resumes/evaluation/evaluate-corpus.ts'
import { parseResumeFile } from '../apps/server/src/modules/resumes/parsing/parse-resume-file.ts'

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' } } })
const seconds = Number(values.seconds)

const files = loadCorpus()
const { scores, tuned, heldOut, results } = await evaluateCorpus(files)
const pct = (n: number) => `${(n * 100).toFixed(1)}%`
console.log(
  `Resume corpus: ${files.length} resumes (${files.filter((f) => f.expected.held_out).length} held out)\n`,
)
console.table(
  FIELDS.map((f) => ({
    field: f,
    precision: pct(scores[f].precision),
    recall: pct(scores[f].recall),
    'tuned P/R': `${pct(tuned[f].precision)} / ${pct(tuned[f].recall)}`,
    'held-out P/R': `${pct(heldOut[f].precision)} / ${pct(heldOut[f].recall)}`,
    'tp/fp/fn': `${scores[f].tp}/${scores[f].fp}/${scores[f].fn}`,
  })),
)
for (const r of results) if (r.misses.length) console.log(`${r.id}\n  ${r.misses.join('\n  ')}`)

// Throughput: warm up once, then loop over the corpus.
const now = new Date('2026-12-01T00:00:00Z')
for (const f of files) await parseResumeFile(f.bytes, f.mediaType, now)
const byKind: Record<string, number[]> = { pdf: [], docx: [] }
let parsed = 0
const started = performance.now()
while (performance.now() - started < seconds * 1000) {
  for (const f of files) {
    const t = performance.now()
    await parseResumeFile(f.bytes, f.mediaType, now)
    byKind[f.expected.file.endsWith('.pdf') ? 'pdf' : 'docx']?.push(performance.now() - t)
    parsed++
  }
}
const elapsed = (performance.now() - started) / 1000
const p = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))] ?? 0
console.log(
  `\nThroughput: ${parsed} resumes in ${elapsed.toFixed(1)} s = ${(parsed / elapsed).toFixed(1)} resumes/s (one core)`,
)
console.table(
  Object.entries(byKind).map(([kind, xs]) => ({
    kind,
    parsed: xs.length,
    'p50 ms': p(xs, 0.5).toFixed(1),
    'p95 ms': p(xs, 0.95).toFixed(1),
  })),
)
