import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { filesLine, formatFileSize } from './digest.ts'

const MB = 1024 * 1024

describe('the digest names files with their sizes', () => {
  it('a size reads as bytes, KB or MB, and never decreases as the file grows', () => {
    const value = (s: string) => {
      const [n, unit] = s.split(' ') as [string, string]
      const x = Number(n.replace(/,/g, ''))
      return unit === 'MB' ? x * MB : unit === 'KB' ? x * 1024 : x
    }
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 25 * MB }), fc.integer({ min: 0, max: 25 * MB }), (a, d) => {
        const s = formatFileSize(a)
        expect(s).toMatch(/^(\d{1,3}(,\d{3})* bytes|\d+ KB|\d+\.\d MB)$/)
        // within the rounding of its unit
        expect(Math.abs(value(s) - a)).toBeLessThanOrEqual(a < 1024 ? 0 : a < MB ? 512 : 0.05 * MB)
        expect(value(formatFileSize(a + d))).toBeGreaterThanOrEqual(value(s))
      }),
    )
    expect(formatFileSize(1000)).toBe('1,000 bytes')
    expect(formatFileSize(245_760)).toBe('240 KB')
    expect(formatFileSize(3.4 * MB)).toBe('3.4 MB')
  })

  it('names up to five files, counts the rest, and says nothing without files', () => {
    expect(filesLine([])).toBe('')
    expect(filesLine([{ file_name: 'Lena CV.pdf', size_bytes: 245_760 }])).toBe(
      ' File: Lena CV.pdf (240 KB).',
    )
    fc.assert(
      fc.property(
        fc.array(fc.record({ file_name: fc.string({ minLength: 1, maxLength: 20 }), size_bytes: fc.nat() }), {
          minLength: 1,
          maxLength: 12,
        }),
        (files) => {
          const line = filesLine(files)
          for (const f of files.slice(0, 5)) expect(line).toContain(`${f.file_name} (`)
          if (files.length > 5) expect(line).toContain(` and ${files.length - 5} more.`)
          else expect(line.endsWith(').')).toBe(true)
        },
      ),
    )
  })
})
