import { describe, expect, it } from 'vitest'
import { DOCX } from './kinds.ts'
import { docx, lyingZipBomb, pdf, png } from './test-files.ts'
import { validateContent } from './validate.ts'

const codeOf = async (type: Parameters<typeof validateContent>[0], bytes: Uint8Array) => {
  try {
    await validateContent(type, bytes)
    return 'ok'
  } catch (err) {
    return (err as { code?: string }).code ?? String(err)
  }
}

describe('deep content checks', () => {
  it('accept whole documents', async () => {
    expect(await codeOf('application/pdf', pdf({ pages: 3 }))).toBe('ok')
    expect(await codeOf(DOCX, docx())).toBe('ok')
    expect(await codeOf('text/plain', new TextEncoder().encode('Dana Levi\nדנה לוי\n'))).toBe('ok')
    expect(await codeOf('image/png', png())).toBe('ok')
  })
  it('fail encrypted, empty and cut PDFs, a lying zip bomb, broken text and images', async () => {
    expect(await codeOf('application/pdf', pdf({ encrypted: true }))).toBe('pdf_encrypted')
    expect(await codeOf('application/pdf', pdf({ pages: 0 }))).toBe('pdf_empty')
    expect(await codeOf('application/pdf', pdf().subarray(0, 200))).toBe('pdf_damaged')
    expect(await codeOf(DOCX, lyingZipBomb(3))).toBe('docx_unsafe')
    expect(await codeOf('text/plain', Uint8Array.from([0x41, 0xc3]))).toBe('text_not_utf8')
    expect(await codeOf('image/png', png().subarray(0, 20))).toBe('image_damaged')
  })
})
