import { formatBps } from '@app/money'
import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core'
import { IconMapPin } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { RelativeTime } from '../../components/relative-time'
import { formatSalaryRange } from '../../lib/money'
import { RoleFeeLine } from '../discovery/role-fee-line'
import { useVocab } from '../reference/use-vocab'
import { VocabBadge } from '../reference/vocab-badge'
import type { RoleSummary } from './roles-api'

/** One role in the marketplace: salary range, fee, guarantee, work mode and when it was posted. */
export function RoleCard({
  role,
  showStatus,
  showFee = false,
}: {
  role: RoleSummary
  showStatus: boolean
  /** Recruiters: the fee the role pays on its salary range, and whether they work on it. */
  showFee?: boolean
}) {
  const { t, i18n } = useTranslation()
  const { label } = useVocab()
  const place = [role.location, role.country].filter(Boolean).join(', ')

  return (
    <Card component="article" aria-label={role.title} h="100%">
      <Stack gap="sm" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Anchor component={Link} to={`/splits/roles/${role.id}`} fw={700} size="lg" lh={1.3}>
              {role.title}
            </Anchor>
            <Anchor component={Link} to={`/splits/companies/${role.company.id}`} size="sm" c="dimmed">
              {role.company.name}
            </Anchor>
          </Stack>
          {showStatus ? (
            <VocabBadge kind="roleStatuses" code={role.status} />
          ) : (
            <Badge variant="light" color="teal" tt="none" style={{ flexShrink: 0 }}>
              {t('splits.roles.card.fee', { fee: formatBps(role.fee_rate_bps) })}
            </Badge>
          )}
        </Group>
        <Text fw={700} size="xl" lh={1.1}>
          {formatSalaryRange(role.salary, i18n.language)}
          <Text span size="sm" c="dimmed" fw={400} ms={6}>
            {role.salary.currency}
          </Text>
        </Text>
        {showFee && <RoleFeeLine role={role} />}
        <Group gap={6}>
          <Badge variant="outline" color="gray" tt="none">
            {label('workModes', role.work_mode)}
          </Badge>
          <Badge variant="outline" color="gray" tt="none">
            {label('seniorities', role.seniority)}
          </Badge>
          <Badge variant="outline" color="gray" tt="none">
            {label('functions', role.function)}
          </Badge>
        </Group>
        <Group gap="md" mt="auto" justify="space-between">
          <Group gap={4} wrap="nowrap" style={{ minWidth: 0 }}>
            {place && (
              <>
                <IconMapPin size={14} style={{ flexShrink: 0 }} />
                <Text size="sm" truncate>
                  {place}
                </Text>
              </>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {showStatus
              ? t('splits.roles.card.feeAndGuarantee', {
                  fee: formatBps(role.fee_rate_bps),
                  days: role.guarantee_days,
                })
              : t('splits.roles.card.guarantee', { days: role.guarantee_days })}
          </Text>
        </Group>
        <Group gap={4}>
          <Text size="xs" c="dimmed">
            {t('splits.roles.card.posted')}
          </Text>
          <RelativeTime value={role.opened_at ?? role.created_at} size="xs" c="dimmed" />
        </Group>
      </Stack>
    </Card>
  )
}
