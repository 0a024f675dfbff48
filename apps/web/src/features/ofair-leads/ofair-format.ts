/** Shekels for people: "‏1,250 ₪" (whole shekels; amounts arrive in agorot as strings). */
export function formatShekels(agorot: string | null | undefined): string {
  if (agorot === null || agorot === undefined) return ''
  return new Intl.NumberFormat('he-IL', {
    style: 'currency',
    currency: 'ILS',
    maximumFractionDigits: 0,
  }).format(Number(BigInt(agorot) / 100n))
}

export function formatBudget(
  budget: { min: { amount: string } | null; max: { amount: string } | null } | null,
): string {
  if (!budget) return ''
  const { min, max } = budget
  if (min && max && min.amount !== max.amount)
    return `${formatShekels(min.amount)}–${formatShekels(max.amount)}`
  return formatShekels((min ?? max)?.amount)
}

export function formatKm(km: number | null): string {
  if (km === null) return ''
  return `${new Intl.NumberFormat('he-IL', { maximumFractionDigits: 1 }).format(km)} ק״מ`
}
