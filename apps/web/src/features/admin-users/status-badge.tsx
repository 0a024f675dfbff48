import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { UserStatus } from './users-api'

export function StatusBadge({ status }: { status: UserStatus }) {
  const { t } = useTranslation()
  return (
    <Badge variant="dot" color={status === 'active' ? 'teal' : 'red'}>
      {status === 'active' ? t('common.userStatus.active') : t('common.userStatus.suspended')}
    </Badge>
  )
}
