import { Text, type TextProps, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { formatDateTime, formatRelative } from '../lib/format'

/** "3 days ago", with the exact date and time on hover. */
export function RelativeTime({ value, ...props }: { value: string } & TextProps) {
  const { i18n } = useTranslation()
  const exact = formatDateTime(value, i18n.language)
  return (
    <Tooltip label={exact} withArrow openDelay={200}>
      <Text component="time" dateTime={value} title={exact} {...props}>
        {formatRelative(value, i18n.language)}
      </Text>
    </Tooltip>
  )
}
