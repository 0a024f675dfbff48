import { Anchor, Badge, type BadgeProps, Text, type TextProps, Tooltip } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useRecruiter } from '../recruiters/recruiters-api'
import type { HoldStatus, PayoutRow, ScheduleStatus } from './payouts-api'

const PAYOUT_COLORS: Record<string, string> = {
  pending: 'gray',
  processing: 'yellow',
  completed: 'teal',
  failed: 'red',
}
const SCHEDULE_COLORS: Record<string, string> = {
  pending: 'gray',
  processing: 'yellow',
  processed: 'teal',
  failed: 'red',
}
const HOLD_COLORS: Record<string, string> = { active: 'blue', released: 'teal', cancelled: 'gray' }

type Props = Omit<BadgeProps, 'children'>

/** A payout's status; a parked one says so (it waits for the recruiter's account or an admin). */
export function PayoutStatusBadge({ payout, ...props }: { payout: PayoutRow } & Props) {
  const { t } = useTranslation()
  if (payout.status === 'pending' && payout.parked)
    return (
      <Tooltip label={payout.parked.reason} multiline w={280} withArrow>
        <Badge color="orange" variant="light" {...props}>
          {t('payouts.status.parked')}
        </Badge>
      </Tooltip>
    )
  return (
    <Badge color={PAYOUT_COLORS[payout.status] ?? 'gray'} variant="light" {...props}>
      {t(`payouts.status.${payout.status}`)}
    </Badge>
  )
}

export function ScheduleStatusBadge({
  status,
  cancelled,
  ...props
}: { status: ScheduleStatus; cancelled: boolean } & Props) {
  const { t } = useTranslation()
  if (cancelled)
    return (
      <Badge color="gray" variant="outline" {...props}>
        {t('payouts.scheduleStatus.cancelled')}
      </Badge>
    )
  return (
    <Badge color={SCHEDULE_COLORS[status] ?? 'gray'} variant="light" {...props}>
      {t(`payouts.scheduleStatus.${status}`)}
    </Badge>
  )
}

export function HoldStatusBadge({ status, ...props }: { status: HoldStatus } & Props) {
  const { t } = useTranslation()
  return (
    <Badge color={HOLD_COLORS[status] ?? 'gray'} variant="light" {...props}>
      {t(`payouts.holdStatus.${status}`)}
    </Badge>
  )
}

/** A recruiter by name (cached per recruiter), falling back to a short id while it loads. */
export function RecruiterName({ id, ...props }: { id: string } & TextProps) {
  const recruiter = useRecruiter(id)
  return (
    <Text size="sm" {...props}>
      {recruiter.data?.display_name ?? `${id.slice(0, 8)}…`}
    </Text>
  )
}

/** The placement a row is about, linked to its page. */
export function PlacementLink({ id }: { id: string }) {
  const { t } = useTranslation()
  return (
    <Anchor component={Link} to={`/splits/placements/${id}`} size="sm">
      {t('payouts.placementShort', { id: id.slice(0, 8) })}
    </Anchor>
  )
}
