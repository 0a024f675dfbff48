import fc from 'fast-check'
import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { docx, honestZipBomb, lyingZipBomb, pdf, plainZip } from '../../modules/documents/test-files.ts'
import { looksLikeText, sniffFileType } from './file-types.ts'
import { signedLink, verifyLink } from './signed-url.ts'
import { checkZipEntries, isWordDocument, readZipDirectory } from './zip.ts'

const reader = (bytes: Uint8Array) => async (offset: number, length: number) =>
  bytes.subarray(offset, offset + length)

describe('sniffFileType', () => {
  it('reads the type from the content', () => {
    expect(sniffFileType(pdf())).toBe('application/pdf')
    expect(sniffFileType(docx())).toBe('application/zip')
    expect(sniffFileType(strToU8('Jane Doe\nEngineer\n'))).toBe('text/plain')
    expect(sniffFileType(strToU8('שרה כהן, מהנדסת'))).toBe('text/plain')
    expect(sniffFileType(Uint8Array.from([0x4d, 0x5a, 0x90, 0]))).toBeNull()
    expect(sniffFileType(new Uint8Array())).toBeNull()
  })
  it('takes any UTF-8 text cut anywhere, and never binary with NUL', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.nat(), (s, cut) => {
        // biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters text may not hold
        const clean = s.replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g, '')
        const bytes = strToU8(`${clean}x`)
        return looksLikeText(bytes.subarray(0, 1 + (cut % bytes.length)))
      }),
    )
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1 }), (b) => !looksLikeText(Uint8Array.from([...b, 0]), true)),
    )
  })
})

describe('ZIP central directory', () => {
  it('tells a Word document from another ZIP', async () => {
    const word = await readZipDirectory(reader(docx()), docx().length)
    expect(word.ok && isWordDocument(word.entries)).toBe(true)
    const other = plainZip()
    const dir = await readZipDirectory(reader(other), other.length)
    expect(dir.ok && isWordDocument(dir.entries)).toBe(false)
  })
  it('refuses a bomb its directory admits, before inflating anything', async () => {
    const bomb = honestZipBomb(5)
    const dir = await readZipDirectory(reader(bomb), bomb.length)
    expect(dir.ok).toBe(true)
    if (dir.ok)
      expect(checkZipEntries(dir.entries, bomb.length)).toMatchObject({
        ok: false,
        problem: 'compression_ratio',
      })
  })
  it('refuses entries that share their data (the overlapping bomb) and encrypted entries', async () => {
    const zip = zipSync({ a: strToU8('aaaa'), b: strToU8('bbbb') })
    const dir = await readZipDirectory(reader(zip), zip.length)
    if (!dir.ok) throw new Error('not read')
    const overlapping = dir.entries.map((e) => ({ ...e, localHeaderOffset: 0 }))
    expect(checkZipEntries(overlapping, zip.length)).toMatchObject({
      ok: false,
      problem: 'overlapping_entries',
    })
    expect(checkZipEntries([{ ...dir.entries[0]!, flags: 1 }], zip.length)).toMatchObject({
      problem: 'encrypted',
    })
  })
  it('passes a bomb whose directory lies (processing catches it by inflating with a cap)', async () => {
    const bomb = lyingZipBomb(2)
    const dir = await readZipDirectory(reader(bomb), bomb.length)
    expect(dir.ok && checkZipEntries(dir.entries, bomb.length).ok).toBe(true)
  })
  it('says what is not a ZIP', async () => {
    const junk = strToU8('PK\u0003\u0004 but nothing else at all, no directory')
    expect(await readZipDirectory(reader(junk), junk.length)).toMatchObject({
      ok: false,
      problem: 'not_a_zip',
    })
  })
})

describe('signed links', () => {
  const secret = 'x'.repeat(40)
  const id = '0190a0b0-0000-7000-8000-000000000001'
  const parts = (url: string) => {
    const u = new URL(url, 'http://h')
    return { expires: Number(u.searchParams.get('expires')), sig: u.searchParams.get('sig')! }
  }
  it('open only their purpose’s file until they expire', () => {
    const now = new Date('2026-05-01T10:00:00Z')
    const { expires, sig } = parts(
      signedLink(secret, { purpose: 'document', id, path: `/d/${id}` }, now, 300),
    )
    expect(verifyLink(secret, { purpose: 'document', id }, expires, sig, now)).toBe(true)
    expect(verifyLink(secret, { purpose: 'ofair-file', id }, expires, sig, now)).toBe(false)
    expect(
      verifyLink(secret, { purpose: 'document', id }, expires, sig, new Date('2026-05-01T10:05:01Z')),
    ).toBe(false)
  })
})
