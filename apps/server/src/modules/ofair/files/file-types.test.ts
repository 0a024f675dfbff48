import { describe, expect, it } from 'vitest'
import { sniffMime } from './file-types.ts'

describe('sniffMime', () => {
  it('recognises the accepted types by their magic bytes', () => {
    expect(sniffMime(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]))).toBe('image/jpeg')
    expect(sniffMime(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png')
    expect(sniffMime(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp')
    expect(sniffMime(new TextEncoder().encode('%PDF-1.7\n'))).toBe('application/pdf')
  })
  it('refuses anything else, whatever it is called', () => {
    expect(sniffMime(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull()
    expect(sniffMime(new TextEncoder().encode('MZ\x90\0'))).toBeNull()
    expect(sniffMime(new TextEncoder().encode('RIFF\0\0\0\0WAVEfmt '))).toBeNull()
    expect(sniffMime(new Uint8Array())).toBeNull()
  })
})
