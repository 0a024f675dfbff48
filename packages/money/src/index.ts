export { CURRENCIES, CURRENCY_CODES, type Currency, isCurrency } from './currencies.ts'
export { formatBps, formatMoney, type Money, parseMajor, toMajorString } from './money.ts'
export { allocateBps, allocateProportionally, applyBps, WHOLE_BPS } from './shares.ts'
