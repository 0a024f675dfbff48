import { Text, Timeline } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { RelativeTime } from '../../components/relative-time'
import { BADGE_COLORS } from '../reference/badge-colors'
import { useVocab } from '../reference/use-vocab'
import type { Application } from './applications-api'

/** Each stage the application went through: when, by whom, and the reason where one was given. */
export function StageHistory({ history }: { history: Application['history'] }) {
  const { t } = useTranslation()
  const { label } = useVocab()
  return (
    <Timeline active={history.length - 1} bulletSize={18} lineWidth={2}>
      {history.map((h) => (
        <Timeline.Item
          key={h.id}
          color={BADGE_COLORS.stages?.[h.to_stage] ?? 'gray'}
          title={
            h.from_stage
              ? t('splits.application.moved', {
                  from: label('stages', h.from_stage),
                  to: label('stages', h.to_stage),
                })
              : label('stages', h.to_stage)
          }
        >
          <Text size="xs" c="dimmed" component="div">
            <RelativeTime value={h.changed_at} size="xs" span />
            {h.changed_by_name && ` · ${h.changed_by_name}`}
          </Text>
          {h.reason && (
            <Text size="sm" mt={4}>
              {t('splits.application.reason', { reason: h.reason })}
            </Text>
          )}
        </Timeline.Item>
      ))}
    </Timeline>
  )
}
