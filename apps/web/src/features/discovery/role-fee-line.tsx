import { Badge, Group, Text } from '@mantine/core'
import { IconBolt, IconCircleCheck } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { formatSalaryRange } from '../../lib/money'
import type { RoleSummary } from '../roles/roles-api'

/**
 * On a marketplace card: the placement fee on the salary range, submissions so far, "you work on
 * this", and while a first look runs, that the role is early access and when everyone sees it.
 */
export function RoleFeeLine({ role }: { role: RoleSummary }) {
  const { t, i18n } = useTranslation()
  return (
    <Group gap="xs" justify="space-between" wrap="wrap">
      <Text size="sm">
        <Text span fw={700} c="teal.8">
          {t('splits.discovery.card.fee', { fee: formatSalaryRange(role.fee, i18n.language) })}
        </Text>
        <Text span c="dimmed">
          {' · '}
          {t('splits.discovery.card.submissions', { count: role.submissions_count })}
        </Text>
      </Text>
      {role.early_access_until && (
        <Badge color="grape" variant="light" tt="none" leftSection={<IconBolt size={12} />}>
          {t('splits.discovery.card.earlyAccess', {
            time: new Intl.DateTimeFormat(i18n.language, {
              weekday: 'short',
              hour: 'numeric',
              minute: '2-digit',
            }).format(new Date(role.early_access_until)),
          })}
        </Badge>
      )}
      {role.working_on && (
        <Badge color="blue" variant="light" tt="none" leftSection={<IconCircleCheck size={12} />}>
          {t('splits.discovery.card.workingOn')}
        </Badge>
      )}
    </Group>
  )
}
