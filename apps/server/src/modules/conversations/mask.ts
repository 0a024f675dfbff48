/**
 * Contact details typed into a chat: phone numbers, e-mail addresses and street addresses (Hebrew
 * and English). The stored text keeps them; a subject's presenter decides at every read whether a
 * reader sees `•••` instead (OFAIR: until the proposal is accepted; Splits Network: readers who may
 * not see the candidate's contact details).
 */
export const MASK = '•••'

const EMAIL =
  /[\p{L}\p{N}._%+-]+\s*(?:@|\(at\)|\[at\])\s*[\p{L}\p{N}-]+(?:\s*(?:\.|\(dot\)|\[dot\])\s*[\p{L}\p{N}-]+)+/giu
// Hebrew street words followed by a name and a house number ("רחוב הרצל 12", "רח' יפו 5א", "שד' רוטשילד 10")
const HEBREW_STREET =
  /(?:רחוב|רח['׳.]|שדרות|שד['׳.]|שדרת|דרך|סמטת|סמטה|כיכר|ככר|מעלה)\s*[\p{L}"'׳״\s.-]{1,40}?\s*\d{1,4}[א-ת]?(?:\s*\/\s*\d{1,4})?/gu
// "12 Herzl Street", "Herzl St. 12"
const ENGLISH_STREET =
  /\b\d{1,5}\s+[A-Za-z][A-Za-z.'\s-]{1,30}?\s(?:street|st|road|rd|avenue|ave|boulevard|blvd|lane|ln)\b\.?|\b[A-Za-z][A-Za-z.'-]{1,30}\s(?:street|st|road|rd|avenue|ave|boulevard|blvd)\.?\s+\d{1,5}\b/giu
// seven or more digits, possibly split by spaces, dots, dashes or brackets (050-123-4567, +972 50 123 4567)
const DIGIT_RUN = /\+?\(?\d(?:[\s().\-–_/]{0,3}\d){6,}/gu

export function maskContactDetails(text: string): { text: string; masked: boolean } {
  let masked = false
  const hide = () => {
    masked = true
    return MASK
  }
  const out = text
    .replace(EMAIL, hide)
    .replace(HEBREW_STREET, hide)
    .replace(ENGLISH_STREET, hide)
    .replace(DIGIT_RUN, hide)
  return { text: out, masked }
}
