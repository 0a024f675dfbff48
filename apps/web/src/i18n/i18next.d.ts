import 'i18next'
import type en from './en.json'
import type he from './he.json'

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    // Keys from both files are valid: a Splits page uses splits.*, an OFAIR page ofair.*.
    resources: { translation: typeof en & typeof he }
  }
}
