import type { ComboboxItem } from '@mantine/core'
import type { ParseKeys } from 'i18next'
import { useTranslation } from 'react-i18next'
import en from '../../i18n/en.json'

type Vocab = typeof en.splits.vocab
export type VocabKind = keyof Vocab

/** Codes the API sends (functions, stages, fee roles…) as words; an unknown code is shown as it is. */
export function useVocab() {
  const { t, i18n } = useTranslation()
  const label = (kind: VocabKind, code: string | null | undefined): string => {
    if (!code) return '—'
    const known = en.splits.vocab[kind] as Record<string, string>
    return Object.hasOwn(known, code) ? t(`splits.vocab.${kind}.${code}` as ParseKeys) : code
  }
  const options = (kind: VocabKind, codes: readonly string[]): ComboboxItem[] =>
    codes.map((code) => ({ value: code, label: label(kind, code) }))
  /** Several codes as one phrase in the page's language: ['email', 'phone'] → "email and phone". */
  const list = (kind: VocabKind, codes: readonly string[]): string =>
    codes.length === 0
      ? '—'
      : new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(codes.map((c) => label(kind, c)))
  return { label, options, list }
}
