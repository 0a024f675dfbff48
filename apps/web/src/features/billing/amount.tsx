import { Text, type TextProps } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { formatMoneyCompact, formatMoneyValue, type MoneyValue } from '../../lib/money'

interface AmountProps extends TextProps {
  value: MoneyValue
  /** "$1.2M" instead of "$1,234,567.00" (KPI cards); the exact figure shows on hover. */
  compact?: boolean
  /** Render inside running text (a span) rather than as its own block. */
  span?: boolean
}

/**
 * Money from the API (integer minor units as a string) in the page's language, exact, with figures
 * of equal width so columns of amounts line up.
 */
export function Amount({ value, compact, span, style, ...props }: AmountProps) {
  const { i18n } = useTranslation()
  const exact = formatMoneyValue(value, i18n.language)
  const text =
    compact && /^-?\d+$/.test(value.amount)
      ? formatMoneyCompact(BigInt(value.amount), value.currency, i18n.language)
      : exact
  return (
    <Text
      span={span}
      size="sm"
      title={text === exact ? undefined : exact}
      style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', ...(style as object) }}
      {...props}
    >
      {text}
    </Text>
  )
}
