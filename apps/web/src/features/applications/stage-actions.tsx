import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { IconArrowBackUp, IconArrowRight, IconConfetti, IconUserMinus, IconX } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { errorMessage } from '../../api/client'
import { MoveBackModal } from '../application-notes/move-back-modal'
import { useVocab } from '../reference/use-vocab'
import { type Application, type Stage, useMoveStage } from './applications-api'
import { HireModal } from './hire-modal'
import { RejectModal } from './reject-modal'
import { WithdrawModal } from './withdraw-modal'

interface StageActionsProps {
  application: Application
  /** On the company's hiring team (or a platform admin): moves forward, rejects, hires. */
  team: boolean
  /** A recruiter: may withdraw their own submission (the API decides whose it is). */
  recruiter: boolean
  currency: string
}

const FORWARD: readonly Stage[] = ['screening', 'interview', 'offer']

/** The next steps allowed_next permits, for the viewer's side of the process. */
export function StageActions({ application, team, recruiter, currency }: StageActionsProps) {
  const { t } = useTranslation()
  const { label } = useVocab()
  const move = useMoveStage(application.id)
  const [moving, setMoving] = useState<Stage | null>(null)
  const [rejecting, rejectModal] = useDisclosure(false)
  const [hiring, hireModal] = useDisclosure(false)
  const [withdrawing, setWithdrawing] = useState(false)
  const [movingBack, moveBackModal] = useDisclosure(false)
  const allowed = application.allowed_next
  const forward = team ? FORWARD.filter((s) => allowed.includes(s)) : []
  const canHire = team && allowed.includes('hired')
  const canReject = team && allowed.includes('rejected')
  const canWithdraw = recruiter && !team && allowed.includes('withdrawn')
  const canMoveBack = team && application.allowed_back.length > 0

  if (application.placement_id) {
    return (
      <Alert
        color="teal"
        variant="light"
        icon={<IconConfetti size={18} />}
        title={t('splits.application.hiredTitle')}
      >
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t('splits.application.hiredBody')}</Text>
          <Button
            component={Link}
            to={`/splits/placements/${application.placement_id}`}
            size="xs"
            color="teal"
          >
            {t('splits.application.viewPlacement')}
          </Button>
        </Stack>
      </Alert>
    )
  }
  if (allowed.length === 0) {
    return (
      <Text size="sm">{t('splits.application.closed', { stage: label('stages', application.stage) })}</Text>
    )
  }
  if (!forward.length && !canHire && !canReject && !canWithdraw) {
    return <Text size="sm">{t('splits.application.waiting')}</Text>
  }

  return (
    <Stack gap="sm">
      <Group gap="xs">
        {forward.map((stage) => (
          <Button
            key={stage}
            rightSection={<IconArrowRight size={16} />}
            loading={move.isPending && moving === stage}
            disabled={move.isPending}
            onClick={() => {
              setMoving(stage)
              move.mutate(
                { to: stage },
                {
                  onSuccess: () =>
                    notifications.show({
                      color: 'teal',
                      message: t('splits.application.movedTo', { stage: label('stages', stage) }),
                    }),
                },
              )
            }}
          >
            {t('splits.application.moveTo', { stage: label('stages', stage) })}
          </Button>
        ))}
        {canHire && (
          <Button color="teal" leftSection={<IconConfetti size={16} />} onClick={hireModal.open}>
            {t('splits.application.hire')}
          </Button>
        )}
        {canMoveBack && (
          <Button variant="default" leftSection={<IconArrowBackUp size={16} />} onClick={moveBackModal.open}>
            {t('splits.moveBack.button')}
          </Button>
        )}
        {canReject && (
          <Button color="red" variant="light" leftSection={<IconX size={16} />} onClick={rejectModal.open}>
            {t('splits.application.reject')}
          </Button>
        )}
        {canWithdraw && (
          <Button
            color="red"
            variant="light"
            leftSection={<IconUserMinus size={16} />}
            onClick={() => setWithdrawing(true)}
          >
            {t('splits.pipeline.withdraw')}
          </Button>
        )}
      </Group>
      {move.isError && (
        <Text size="sm" c="red">
          {errorMessage(move.error, t)}
        </Text>
      )}
      <RejectModal application={application} opened={rejecting} onClose={rejectModal.close} />
      <MoveBackModal application={application} opened={movingBack} onClose={moveBackModal.close} />
      <HireModal application={application} currency={currency} opened={hiring} onClose={hireModal.close} />
      <WithdrawModal application={withdrawing ? application : null} onClose={() => setWithdrawing(false)} />
    </Stack>
  )
}
