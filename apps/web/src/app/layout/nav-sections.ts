import type { ReactNode } from 'react'

export interface NavItem {
  to: string
  label: string
  icon: ReactNode
  /** Match the path exactly (for home links, so they are not active on every child page). */
  end?: boolean
  /** A count shown beside the label (e.g. unread messages); nothing when 0 or absent. */
  badge?: number
}

export interface NavSection {
  label?: string
  items: NavItem[]
}
