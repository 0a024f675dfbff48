import { sql } from 'kysely'
import type { OfairTx } from '../database.ts'
import type { DatedRate, DatedThreshold } from './rules.ts'

export type DocumentType = 'tax_invoice' | 'credit_note' | 'settlement_statement'

/**
 * The next serial of a document type, gap-free: the counter row is updated (and so locked) by the
 * issuing transaction until it commits; a rollback gives the number back. Never a sequence.
 * Callers that need two types lock them in the order tax_invoice → settlement_statement.
 */
export async function nextSerial(tx: OfairTx, type: DocumentType): Promise<bigint> {
  const row = await tx
    .updateTable('ofair.document_counters')
    .set({ last_serial: sql`last_serial + 1` })
    .where('document_type', '=', type)
    .returning('last_serial')
    .executeTakeFirstOrThrow()
  return BigInt(row.last_serial)
}

export async function vatRates(tx: OfairTx): Promise<DatedRate[]> {
  const rows = await tx.selectFrom('ofair.vat_rates').select(['effective_from', 'rate_bps']).execute()
  return rows.map((r) => ({ effective_from: String(r.effective_from), rate_bps: r.rate_bps }))
}

export async function allocationThresholds(tx: OfairTx): Promise<DatedThreshold[]> {
  const rows = await tx
    .selectFrom('ofair.allocation_thresholds')
    .select(['effective_from', 'above_minor'])
    .execute()
  return rows.map((r) => ({ effective_from: String(r.effective_from), above_minor: BigInt(r.above_minor) }))
}
