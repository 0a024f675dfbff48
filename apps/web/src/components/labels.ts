import type { ParseKeys } from 'i18next'

/** Translation keys for values the API sends as codes; unknown codes are shown as they are. */
const MARKETPLACE: Record<string, ParseKeys> = {
  splits: 'common.marketplaces.splits',
  ofair: 'common.marketplaces.ofair',
}
const ORG_KIND: Record<string, ParseKeys> = {
  platform: 'common.orgKinds.platform',
  company: 'common.orgKinds.company',
  agency: 'common.orgKinds.agency',
}
const SIGN_IN_METHOD: Record<string, ParseKeys> = {
  email_code: 'common.signInMethods.email_code',
  phone_code: 'common.signInMethods.phone_code',
  magic_link: 'common.signInMethods.magic_link',
}
const USER_STATUS: Record<string, ParseKeys> = {
  active: 'common.userStatus.active',
  suspended: 'common.userStatus.suspended',
}

export const labelKeys = {
  marketplace: (code: string) => MARKETPLACE[code],
  orgKind: (code: string) => ORG_KIND[code],
  signInMethod: (code: string) => SIGN_IN_METHOD[code],
  userStatus: (code: string) => USER_STATUS[code],
}
