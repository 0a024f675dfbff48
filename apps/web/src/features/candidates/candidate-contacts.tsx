import { Alert, Anchor, Group, Stack, Text } from '@mantine/core'
import { IconEyeOff } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { LtrText } from '../../components/ltr-text'
import type { Candidate } from './candidates-api'

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap="sm" wrap="nowrap" align="baseline">
      <Text size="sm" c="dimmed" w={84} style={{ flexShrink: 0 }}>
        {label}
      </Text>
      <div style={{ minWidth: 0 }}>{children}</div>
    </Group>
  )
}

function Link({ href }: { href: string | null }) {
  if (!href) return <Text size="sm">—</Text>
  return (
    <Anchor href={href} target="_blank" rel="noreferrer" size="sm" style={{ overflowWrap: 'anywhere' }}>
      <bdi dir="ltr">{href.replace(/^https?:\/\/(www\.)?/, '')}</bdi>
    </Anchor>
  )
}

/** Contact details, when the viewer may see them (the API sends null otherwise). */
export function CandidateContacts({ candidate }: { candidate: Candidate }) {
  const { t } = useTranslation()
  const contacts = candidate.contacts
  if (!contacts) {
    return (
      <Alert variant="light" color="gray" icon={<IconEyeOff size={18} />}>
        {t('splits.candidate.contactsHidden')}
      </Alert>
    )
  }
  return (
    <Stack gap="xs">
      <Row label={t('splits.candidate.email')}>
        <LtrText size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
          {contacts.email ?? '—'}
        </LtrText>
      </Row>
      <Row label={t('splits.candidate.phone')}>
        <LtrText size="sm" fw={500}>
          {contacts.phone ?? '—'}
        </LtrText>
      </Row>
      <Row label={t('splits.candidate.linkedin')}>
        <Link href={contacts.linkedin_url} />
      </Row>
      <Row label={t('splits.candidate.github')}>
        <Link href={contacts.github_url} />
      </Row>
      <Row label={t('splits.candidate.website')}>
        <Link href={contacts.website_url} />
      </Row>
    </Stack>
  )
}
