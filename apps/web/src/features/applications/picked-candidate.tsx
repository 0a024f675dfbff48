import { Badge, Group, Paper, Stack, Text } from '@mantine/core'
import { IconCircleCheck } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { LoadingState } from '../../components/loading-state'
import { formatDate } from '../../lib/format'
import { type Candidate, duplicateCheckBody, useDuplicateCheck } from '../candidates/candidates-api'
import { DuplicateWarnings } from '../candidates/duplicate-warnings'

interface PickedCandidateProps {
  candidate: Candidate | undefined
  company: { id: string; name: string }
}

/** The chosen candidate: consent on record, and whether another recruiter already represents them there. */
export function PickedCandidate({ candidate, company }: PickedCandidateProps) {
  const { t, i18n } = useTranslation()
  const contacts = candidate?.contacts
  const duplicates = useDuplicateCheck(
    duplicateCheckBody({
      email: contacts?.email,
      phone: contacts?.phone,
      linkedin_url: contacts?.linkedin_url,
      github_url: contacts?.github_url,
      country: candidate?.country ?? undefined,
    }),
  )
  if (!candidate) return <LoadingState minHeight={60} />
  const others = (duplicates.data?.warnings ?? []).filter((w) => w.candidate_id !== candidate.id)

  return (
    <Stack gap="xs">
      <Paper withBorder p="sm" radius="md">
        <Group justify="space-between" gap="sm">
          <div>
            <Text fw={600}>{candidate.full_name}</Text>
            <Text size="sm" c="dimmed">
              {[candidate.current_title, candidate.location].filter(Boolean).join(' · ') || '—'}
            </Text>
          </div>
          {candidate.consent ? (
            <Badge color="teal" variant="light" tt="none" leftSection={<IconCircleCheck size={14} />}>
              {t('splits.submit.consentOnRecord', {
                date: formatDate(candidate.consent.given_at, i18n.language),
              })}
            </Badge>
          ) : (
            <Badge color="yellow" variant="light" tt="none">
              {t('splits.submit.noConsent')}
            </Badge>
          )}
        </Group>
      </Paper>
      <DuplicateWarnings warnings={others} company={company} />
    </Stack>
  )
}
