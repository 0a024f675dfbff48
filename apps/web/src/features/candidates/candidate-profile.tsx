import { Badge, Group, SimpleGrid, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Fact } from '../../components/fact'
import { formatAmount } from '../../lib/money'
import type { Candidate } from './candidates-api'

/** Title, location, experience, skills, salary expectation and the recruiter's notes. */
export function CandidateProfile({ candidate }: { candidate: Candidate }) {
  const { t, i18n } = useTranslation()
  const salary = candidate.salary_expectation
  const range =
    salary && (salary.min || salary.max)
      ? [salary.min, salary.max]
          .map((amount) => (amount ? formatAmount(amount, salary.currency, i18n.language) : '…'))
          .join(' – ')
      : '—'

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="lg" verticalSpacing="md">
        <Fact label={t('splits.candidate.currentTitle')}>{candidate.current_title ?? '—'}</Fact>
        <Fact label={t('splits.candidate.location')}>
          {[candidate.location, candidate.country].filter(Boolean).join(', ') || '—'}
        </Fact>
        <Fact label={t('splits.candidate.years')}>
          {candidate.years_experience === null
            ? '—'
            : t('splits.candidate.yearsValue', { count: candidate.years_experience })}
        </Fact>
        <Fact label={t('splits.candidate.salary')}>{range}</Fact>
        <Fact label={t('splits.candidate.recruiter')}>{candidate.recruiter.name}</Fact>
      </SimpleGrid>
      <Fact label={t('splits.candidate.skills')}>
        {candidate.skills.length ? (
          <Group gap={6}>
            {candidate.skills.map((skill) => (
              <Badge key={skill} variant="default" tt="none">
                {skill}
              </Badge>
            ))}
          </Group>
        ) : (
          <Text size="sm">—</Text>
        )}
      </Fact>
      {candidate.notes !== null && (
        <Fact label={t('splits.candidate.notes')}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {candidate.notes || '—'}
          </Text>
        </Fact>
      )}
    </Stack>
  )
}
