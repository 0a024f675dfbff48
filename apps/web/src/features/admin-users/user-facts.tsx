import { Alert, SimpleGrid, Stack, Text } from '@mantine/core'
import { IconEye, IconUserOff } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { LtrText } from '../../components/ltr-text'
import { formatDateTime, formatNumber, formatPhone } from '../../lib/format'
import type { UserDetail } from './users-api'

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" mb={2}>
        {label}
      </Text>
      {children}
    </div>
  )
}

/** Contacts (revealed to the admin, and the reveal is logged) and account facts. */
export function UserFacts({ user }: { user: UserDetail }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const none = (
    <Text size="sm" c="dimmed">
      —
    </Text>
  )

  return (
    <Stack>
      {user.status === 'suspended' && (
        <Alert
          color="red"
          variant="light"
          icon={<IconUserOff size={18} />}
          title={t('admin.users.facts.suspended')}
        >
          {user.suspended_reason ?? '—'}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="lg" verticalSpacing="md">
        <Fact label={t('admin.users.facts.email')}>
          {user.email ? <LtrText size="sm">{user.email}</LtrText> : none}
        </Fact>
        <Fact label={t('admin.users.facts.phone')}>
          {user.phone ? <LtrText size="sm">{formatPhone(user.phone)}</LtrText> : none}
        </Fact>
        <Fact label={t('admin.users.facts.language')}>
          <Text size="sm">{user.locale === 'he' ? t('common.languages.he') : t('common.languages.en')}</Text>
        </Fact>
        <Fact label={t('admin.users.facts.created')}>
          <Text size="sm">{formatDateTime(user.created_at, lang)}</Text>
        </Fact>
        <Fact label={t('admin.users.facts.lastSignIn')}>
          <Text size="sm">
            {user.last_sign_in_at ? formatDateTime(user.last_sign_in_at, lang) : t('admin.users.never')}
          </Text>
        </Fact>
        <Fact label={t('admin.users.facts.sessions')}>
          <Text size="sm">{formatNumber(user.active_sessions, lang)}</Text>
        </Fact>
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        <IconEye size={12} style={{ verticalAlign: 'middle' }} /> {t('admin.users.facts.revealLogged')}
      </Text>
    </Stack>
  )
}
