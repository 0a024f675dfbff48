import { Badge, type BadgeProps, type MantineColor } from '@mantine/core'
import type { ParseKeys } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { Role } from '../lib/roles'

const ROLE_LABEL: Record<Role, ParseKeys> = {
  platform_admin: 'common.roles.platform_admin',
  company_admin: 'common.roles.company_admin',
  hiring_manager: 'common.roles.hiring_manager',
  recruiter: 'common.roles.recruiter',
  candidate: 'common.roles.candidate',
  consumer: 'common.roles.consumer',
  professional: 'common.roles.professional',
  ofair_admin: 'common.roles.ofair_admin',
}

const ROLE_COLOR: Record<Role, MantineColor> = {
  platform_admin: 'red',
  company_admin: 'violet',
  hiring_manager: 'grape',
  recruiter: 'blue',
  candidate: 'cyan',
  consumer: 'teal',
  professional: 'green',
  ofair_admin: 'orange',
}

const isRole = (value: string): value is Role => value in ROLE_LABEL

/** The translated name of a role; hooks for select options use roleLabelKey. */
export function roleLabelKey(role: Role): ParseKeys {
  return ROLE_LABEL[role]
}

/** A role as a small coloured label, in the page's language. */
export function RoleBadge({ role, ...props }: { role: string } & Omit<BadgeProps, 'children' | 'color'>) {
  const { t } = useTranslation()
  return (
    <Badge variant="light" tt="none" color={isRole(role) ? ROLE_COLOR[role] : 'gray'} {...props}>
      {isRole(role) ? t(ROLE_LABEL[role]) : role}
    </Badge>
  )
}
