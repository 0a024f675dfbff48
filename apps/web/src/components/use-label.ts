import { useTranslation } from 'react-i18next'
import { labelKeys } from './labels'

type LabelKind = keyof typeof labelKeys

/** label('orgKind', 'agency') → "Agency" in the page's language, or the code itself if unknown. */
export function useLabel(): (kind: LabelKind, code: string) => string {
  const { t } = useTranslation()
  return (kind, code) => {
    const key = labelKeys[kind](code)
    return key ? t(key) : code
  }
}
