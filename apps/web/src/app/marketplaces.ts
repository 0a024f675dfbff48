import type { Direction, MantineColor } from '@mantine/core'
import type { ParseKeys } from 'i18next'
import type { Language } from '../i18n'

/** 'platform' covers pages that belong to neither marketplace: the landing page and the 404. */
export type MarketplaceId = 'platform' | 'splits' | 'ofair'

export interface Marketplace {
  id: MarketplaceId
  lang: Language
  dir: Direction
  /** Shown in the header and appended to document.title. */
  brandKey: ParseKeys
  homePath: string
  signInPath: string
  primaryColor: MantineColor
  /** Latin-first for English, Hebrew-first for Hebrew; all are local fonts (the CSP allows no font CDN). */
  fontFamily: string
}

const LATIN_FIRST =
  "system-ui, 'Segoe UI', 'Noto Sans', 'DejaVu Sans', 'Noto Sans Hebrew', 'Miriam CLM', sans-serif"
const HEBREW_FIRST = "'Noto Sans Hebrew', 'Noto Sans', 'DejaVu Sans', 'Miriam CLM', system-ui, sans-serif"

export const MARKETPLACES: Record<MarketplaceId, Marketplace> = {
  platform: {
    id: 'platform',
    lang: 'en',
    dir: 'ltr',
    brandKey: 'landing.brand',
    homePath: '/',
    signInPath: '/sign-in',
    primaryColor: 'indigo',
    fontFamily: LATIN_FIRST,
  },
  splits: {
    id: 'splits',
    lang: 'en',
    dir: 'ltr',
    brandKey: 'splits.brand',
    homePath: '/splits',
    signInPath: '/sign-in',
    primaryColor: 'indigo',
    fontFamily: LATIN_FIRST,
  },
  ofair: {
    id: 'ofair',
    lang: 'he',
    dir: 'rtl',
    brandKey: 'ofair.brand',
    homePath: '/ofair',
    signInPath: '/ofair/sign-in',
    primaryColor: 'teal',
    fontFamily: HEBREW_FIRST,
  },
}

/**
 * Best guess before the router renders, so the first frame already has the right language and
 * direction. The router's MarketplaceScope is the source of truth afterwards.
 */
export function marketplaceForPath(pathname: string): Marketplace {
  if (/^\/ofair(\/|$)/.test(pathname)) return MARKETPLACES.ofair
  if (/^\/(splits|admin|sign-in|auth)(\/|$)/.test(pathname)) return MARKETPLACES.splits
  return MARKETPLACES.platform
}
