import type { SavedSearchRow } from './queries.ts'

type Sort = 'newest' | 'fee' | 'salary' | 'fewest_submissions'

export function savedSearchOut(r: SavedSearchRow) {
  return {
    id: r.id,
    name: r.name,
    filters: r.filters as Record<string, string>,
    sort: r.sort as Sort,
    alert_frequency: r.alert_frequency as 'instant' | 'daily' | 'off',
    channel: r.channel as 'email' | 'in_app',
    matched_roles: r.matched_roles,
    pending_alerts: r.pending_alerts,
    created_at: r.created_at,
    updated_at: r.updated_at,
    version: r.version,
  }
}
