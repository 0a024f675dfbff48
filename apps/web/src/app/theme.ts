import { createTheme, type MantineThemeOverride } from '@mantine/core'
import type { Marketplace } from './marketplaces'

export function themeFor(marketplace: Marketplace): MantineThemeOverride {
  return createTheme({
    primaryColor: marketplace.primaryColor,
    // Darker shades keep white button text readable (WCAG AA) on teal and indigo.
    primaryShade: { light: marketplace.primaryColor === 'teal' ? 8 : 7, dark: 8 },
    fontFamily: marketplace.fontFamily,
    headings: { fontFamily: marketplace.fontFamily, fontWeight: '700' },
    defaultRadius: 'md',
    cursorType: 'pointer',
    components: {
      Card: { defaultProps: { withBorder: true, radius: 'lg', padding: 'lg' } },
      Paper: { defaultProps: { radius: 'lg' } },
      Table: { defaultProps: { verticalSpacing: 'sm', highlightOnHover: true } },
      // A badge is a status or a stage: it must never be cut to "Scre…". Mantine lets it shrink below
      // its text (overflow: hidden with an ellipsis), so squeezed table columns truncated it.
      Badge: { styles: { root: { minWidth: 'max-content', flexShrink: 0, overflow: 'visible' } } },
    },
  })
}
