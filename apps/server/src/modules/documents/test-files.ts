import { deflateSync, strToU8, zipSync } from 'fflate'

/**
 * Files built in code for the tests and the demo (never binary blobs nobody can explain): a small
 * PDF with pages, an empty one, an encrypted one, a Word document, ZIPs that are not Word
 * documents, and two zip bombs: one whose directory admits it, one whose directory lies.
 */
export function pdf(options: { pages?: number; encrypted?: boolean; text?: string } = {}): Uint8Array {
  const pages = options.pages ?? 1
  const objects: string[] = []
  objects.push('<< /Type /Catalog /Pages 2 0 R >>')
  const kids = Array.from({ length: pages }, (_, i) => `${4 + i} 0 R`).join(' ')
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`)
  const text = (options.text ?? 'Resume').replace(/[()\\]/g, '')
  objects.push(`<< /Length ${text.length + 30} >>\nstream\nBT /F1 12 Tf 72 720 Td (${text}) Tj ET\nendstream`)
  for (let i = 0; i < pages; i++) {
    objects.push('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R >>')
  }
  let body = '%PDF-1.7\n'
  const offsets: number[] = []
  objects.forEach((o, i) => {
    offsets.push(body.length)
    body += `${i + 1} 0 obj\n${o}\nendobj\n`
  })
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`
  const encrypt = options.encrypted ? ' /Encrypt 99 0 R' : ''
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`
  return strToU8(body)
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'

export function docx(text = 'Jane Doe, Senior Engineer'): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
    ),
  })
}

/** A ZIP that is no Word document (a spreadsheet's parts, say). */
export function plainZip(): Uint8Array {
  return zipSync({ 'notes.txt': strToU8('hello'), 'xl/workbook.xml': strToU8('<workbook/>') })
}

/** A Word document with a part of `megabytes` of zeros: the directory admits a ratio no document has. */
export function honestZipBomb(megabytes = 20): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    'word/document.xml': new Uint8Array(megabytes * 1024 * 1024),
  })
}

/**
 * A Word document whose directory lies: it declares its document part small, but the part inflates
 * to `megabytes` of zeros. Only inflating (with a cap) finds out.
 */
export function lyingZipBomb(megabytes = 20): Uint8Array {
  const entries: { name: string; data: Uint8Array; declared: number }[] = [
    {
      name: '[Content_Types].xml',
      data: deflateSync(strToU8(CONTENT_TYPES)),
      declared: CONTENT_TYPES.length,
    },
    { name: 'word/document.xml', data: deflateSync(new Uint8Array(megabytes * 1024 * 1024)), declared: 900 },
  ]
  const parts: Uint8Array[] = []
  const central: Uint8Array[] = []
  let offset = 0
  for (const e of entries) {
    const name = strToU8(e.name)
    const local = new Uint8Array(30 + name.length)
    const lv = new DataView(local.buffer)
    lv.setUint32(0, 0x04034b50, true)
    lv.setUint16(4, 20, true)
    lv.setUint16(8, 8, true)
    lv.setUint32(18, e.data.length, true)
    lv.setUint32(22, e.declared, true)
    lv.setUint16(26, name.length, true)
    local.set(name, 30)
    const cd = new Uint8Array(46 + name.length)
    const cv = new DataView(cd.buffer)
    cv.setUint32(0, 0x02014b50, true)
    cv.setUint16(4, 20, true)
    cv.setUint16(6, 20, true)
    cv.setUint16(10, 8, true)
    cv.setUint32(20, e.data.length, true)
    cv.setUint32(24, e.declared, true)
    cv.setUint16(28, name.length, true)
    cv.setUint32(42, offset, true)
    cd.set(name, 46)
    parts.push(local, e.data)
    central.push(cd)
    offset += local.length + e.data.length
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0)
  const end = new Uint8Array(22)
  const ev = new DataView(end.buffer)
  ev.setUint32(0, 0x06054b50, true)
  ev.setUint16(8, entries.length, true)
  ev.setUint16(10, entries.length, true)
  ev.setUint32(12, cdSize, true)
  ev.setUint32(16, offset, true)
  return concat([...parts, ...central, end])
}

export function png(): Uint8Array {
  // signature, IHDR (1x1), IDAT, IEND: enough for the checks (type and end)
  return concat([
    Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Uint8Array.from([
      0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xde,
    ]),
    Uint8Array.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]),
  ])
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}
