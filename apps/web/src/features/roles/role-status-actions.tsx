import { Button, Group } from '@mantine/core'
import { IconCheck, IconPlayerPause, IconPlayerPlay, IconX } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useReference } from '../reference/reference-api'
import { RoleStatusModal } from './role-status-modal'
import type { Role, RoleStatus } from './roles-api'

const ICONS: Record<string, typeof IconCheck> = {
  open: IconPlayerPlay,
  paused: IconPlayerPause,
  filled: IconCheck,
  closed: IconX,
}

/** The status moves the reference allows from the role's current status, each behind a confirm. */
export function RoleStatusActions({ role }: { role: Role }) {
  const { t } = useTranslation()
  const transitions = useReference().data?.role_transitions[role.status] ?? []
  const [target, setTarget] = useState<RoleStatus | null>(null)

  return (
    <>
      <Group gap="xs">
        {transitions.map((to) => {
          const Icon = ICONS[to] ?? IconCheck
          return (
            <Button
              key={to}
              variant={to === 'open' ? 'filled' : 'default'}
              color={to === 'closed' ? 'red' : undefined}
              leftSection={<Icon size={16} />}
              onClick={() => setTarget(to as RoleStatus)}
            >
              {t(`splits.roleStatus.actions.${to as RoleStatus}`)}
            </Button>
          )
        })}
      </Group>
      <RoleStatusModal role={role} target={target} onClose={() => setTarget(null)} />
    </>
  )
}
