import type { ReactNode } from 'react'

export interface NavItem {
  to: string
  label: string
  icon: ReactNode
  /** Match the path exactly (for home links, so they are not active on every child page). */
  end?: boolean
}

export interface NavSection {
  label?: string
  items: NavItem[]
}
