import type { OfairTx } from '../database.ts'

/** How reviewers appear on public pages (ofair.review_settings, one row). */
export type ReviewDisplayMode = 'first_name_city' | 'anonymous'

export const ANONYMOUS_REVIEWER = 'לקוח/ה של OFAIR'

export async function reviewDisplayMode(tx: OfairTx): Promise<ReviewDisplayMode> {
  const row = await tx.selectFrom('ofair.review_settings').select('display_mode').executeTakeFirst()
  return (row?.display_mode ?? 'first_name_city') as ReviewDisplayMode
}

/** The stored "first name · city" of a reviewer, or nothing of them when reviews are anonymous. */
export function shownReviewer(stored: string, mode: ReviewDisplayMode): string {
  return mode === 'anonymous' ? ANONYMOUS_REVIEWER : stored
}

/**
 * What is stored for the reviewer: the first word of their name and the job's city ("יעל · חיפה").
 * Never a surname, phone or address.
 */
export function reviewerDisplay(displayName: string | null | undefined, city: string): string {
  const first = (displayName ?? '').trim().split(/\s+/)[0]?.slice(0, 40) || 'לקוח/ה'
  return `${first} · ${city}`.slice(0, 80)
}
