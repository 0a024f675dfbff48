import { Group, Stack, Text, ThemeIcon } from '@mantine/core'
import { IconDeviceMobile, IconMail } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { LtrText } from '../../components/ltr-text'
import { formatPhone } from '../../lib/format'
import type { Account } from './account-api'

function Contact({ icon, label, value }: { icon: ReactNode; label: string; value: ReactNode }) {
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <ThemeIcon variant="light" size={36} radius="md">
        {icon}
      </ThemeIcon>
      <div>
        <Text size="xs" c="dimmed">
          {label}
        </Text>
        {value}
      </div>
    </Group>
  )
}

/** Email and phone, read-only: they are how the person signs in, so changing them is a support task. */
export function ContactsList({ account }: { account: Account }) {
  const { t } = useTranslation()
  const none = (
    <Text size="sm" c="dimmed">
      {t('common.account.contacts.none')}
    </Text>
  )

  return (
    <Stack>
      <Contact
        icon={<IconMail size={18} />}
        label={t('common.account.contacts.email')}
        value={account.email ? <LtrText>{account.email}</LtrText> : none}
      />
      <Contact
        icon={<IconDeviceMobile size={18} />}
        label={t('common.account.contacts.phone')}
        value={account.phone ? <LtrText>{formatPhone(account.phone)}</LtrText> : none}
      />
      <Text size="xs" c="dimmed">
        {t('common.account.contacts.hint')}
      </Text>
    </Stack>
  )
}
