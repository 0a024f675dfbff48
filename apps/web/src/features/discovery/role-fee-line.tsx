import { Badge, Group, Text } from '@mantine/core'
import { IconCircleCheck } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { formatSalaryRange } from '../../lib/money'
import type { RoleSummary } from '../roles/roles-api'

/** On a marketplace card: the placement fee on the salary range, submissions so far, and "you work on this". */
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
      {role.working_on && (
        <Badge color="blue" variant="light" tt="none" leftSection={<IconCircleCheck size={12} />}>
          {t('splits.discovery.card.workingOn')}
        </Badge>
      )}
    </Group>
  )
}
