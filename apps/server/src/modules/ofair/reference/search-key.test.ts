import { describe, expect, it } from 'vitest'
import { searchKey } from './search-key.ts'

describe('searchKey', () => {
  it('folds Hebrew spelling variants and punctuation', () => {
    expect(searchKey('קריית אתא')).toBe(searchKey('קרית-אתא'))
    expect(searchKey('תל אביב-יפו')).toBe('תלאביביפו')
    expect(searchKey('ראש העין')).toBe(searchKey('ראש  העין'))
  })
  it('drops diacritics of transliterated names', () => {
    expect(searchKey('Reẖovot')).toBe('rehovot')
    expect(searchKey('Petaẖ Tiqva')).toBe('petahtiqva')
  })
})
