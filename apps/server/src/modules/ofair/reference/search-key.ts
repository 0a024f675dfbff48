/**
 * A spelling-insensitive key for Hebrew (and English) place names: no niqqud, punctuation, quotes
 * or spaces, and the usual plene variants folded (קריית/קרית, וו/ו), so "קרית-אתא", "קריית אתא"
 * and "kiryat ata" each find what people mean.
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0591-\u05C7]/g, '') // niqqud and cantillation
    .replace(/\p{M}/gu, '') // Latin diacritics
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .replace(/יי/g, 'י')
    .replace(/וו/g, 'ו')
    .replace(/[‘’`']/g, '')
}
