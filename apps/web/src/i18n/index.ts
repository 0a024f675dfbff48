import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import en from './en.json'
import he from './he.json'

// Shared strings must exist in both languages. Splits-only sections live in en.json and OFAIR-only
// sections in he.json; the checks below fail the type check when a shared key is missing on one side.
he.common satisfies typeof en.common
en.common satisfies typeof he.common

export const resources = {
  en: { translation: en },
  he: { translation: he },
} as const

export type Language = keyof typeof resources

export function initI18n(lng: Language): typeof i18n {
  void i18n.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'en',
    // Resources are bundled, so initialise synchronously and render the first frame translated.
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes already
  })
  return i18n
}

export { i18n }
