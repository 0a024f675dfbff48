import { ActionIcon, Anchor, Card, Group, Menu, Stack, Text } from '@mantine/core'
import { IconClock, IconDots, IconExternalLink, IconUserMinus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { daysSince } from '../../lib/format'
import { type ApplicationSummary, OPEN_STAGES } from './applications-api'

interface PipelineCardProps {
  application: ApplicationSummary
  onWithdraw: (application: ApplicationSummary) => void
}

/** One submission on the board: candidate, role, company and how long it has sat in its stage. */
export function PipelineCard({ application: a, onWithdraw }: PipelineCardProps) {
  const { t } = useTranslation()
  const open = OPEN_STAGES.includes(a.stage)

  return (
    <Card padding="sm" radius="md" component="article" aria-label={a.candidate.name}>
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap" gap={4} align="flex-start">
          <Anchor component={Link} to={`/splits/applications/${a.id}`} fw={600} size="sm" lh={1.3}>
            {a.candidate.name}
          </Anchor>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                aria-label={t('splits.pipeline.actions', { name: a.candidate.name })}
              >
                <IconDots size={16} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item
                component={Link}
                to={`/splits/applications/${a.id}`}
                leftSection={<IconExternalLink size={14} />}
              >
                {t('splits.pipeline.open')}
              </Menu.Item>
              {open && (
                <Menu.Item
                  color="red"
                  leftSection={<IconUserMinus size={14} />}
                  onClick={() => onWithdraw(a)}
                >
                  {t('splits.pipeline.withdraw')}
                </Menu.Item>
              )}
            </Menu.Dropdown>
          </Menu>
        </Group>
        <Text size="xs" lh={1.35}>
          {a.role.title}
        </Text>
        <Text size="xs" c="dimmed">
          {a.company.name}
        </Text>
        <Group gap={4} mt={2}>
          <IconClock size={12} color="var(--mantine-color-dimmed)" />
          <Text size="xs" c="dimmed">
            {t('splits.pipeline.inStage', { count: daysSince(a.stage_changed_at) })}
          </Text>
        </Group>
      </Stack>
    </Card>
  )
}
