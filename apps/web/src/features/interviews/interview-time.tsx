import { Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { formatIn, viewerTimeZone } from './interviews-api'

/** A time as the viewer reads it (their zone), and in the interview’s own zone when that differs. */
export function InterviewTime({
  iso,
  timeZone,
  minutes,
}: {
  iso: string
  timeZone: string
  minutes?: number
}) {
  const { t } = useTranslation()
  const mine = viewerTimeZone()
  return (
    <Stack gap={0}>
      <Text size="sm" fw={600}>
        {formatIn(iso, mine)}
        {minutes ? ` · ${t('interviews.minutes', { count: minutes })}` : ''}
      </Text>
      <Text size="xs" c="dimmed">
        {mine === timeZone
          ? t('interviews.inZone', { zone: timeZone })
          : t('interviews.theirTime', { time: formatIn(iso, timeZone), zone: timeZone, mine })}
      </Text>
    </Stack>
  )
}
