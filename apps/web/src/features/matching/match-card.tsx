import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core'
import { IconCheck, IconX } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatSalaryRange } from '../../lib/money'
import { FactorBars } from './factor-bars'
import type { Match } from './matching-api'

interface MatchCardProps {
  match: Match
  /** Which side the reader looks from: a candidate's page lists roles, a role's page lists candidates. */
  show: 'role' | 'candidate' | 'both'
  onAccept?: (match: Match) => void
  onReject?: (match: Match) => void
  busy?: boolean
}

export function scoreColor(score: number) {
  return score >= 80 ? 'teal' : score >= 70 ? 'blue' : 'yellow'
}

/** One suggestion: who or what, the score and confidence, each factor explained, and the decision buttons. */
export function MatchCard({ match, show, onAccept, onReject, busy }: MatchCardProps) {
  const { t, i18n } = useTranslation()
  const c = match.candidate
  const place = (loc: string | null, country: string | null) => [loc, country].filter(Boolean).join(', ')
  const candidateLine = [
    c.title,
    c.seniority && t(`matching.seniority.${c.seniority}`, { defaultValue: c.seniority }),
    place(c.location, c.country),
  ]
    .filter(Boolean)
    .join(' · ')
  const roleLine = [
    match.role.company_name,
    place(match.role.location, match.role.country),
    t(`matching.workMode.${match.role.work_mode}`, { defaultValue: match.role.work_mode }),
    formatSalaryRange(match.role.salary, i18n.language),
  ]
    .filter(Boolean)
    .join(' · ')
  return (
    <Paper withBorder p="md" radius="md" data-testid="match-card">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={2} style={{ minWidth: 0 }}>
          {show !== 'candidate' && (
            <Anchor component={Link} to={`/splits/roles/${match.role.id}`} fw={600}>
              {match.role.title}
            </Anchor>
          )}
          {show !== 'candidate' && (
            <Text size="sm" c="dimmed">
              {roleLine}
            </Text>
          )}
          {show !== 'role' &&
            (c.name ? (
              <Anchor
                component={Link}
                to={`/splits/candidates/${c.id}`}
                fw={show === 'candidate' ? 600 : 500}
                size={show === 'candidate' ? 'md' : 'sm'}
              >
                {c.name}
              </Anchor>
            ) : (
              <Text fw={600} size={show === 'candidate' ? 'md' : 'sm'}>
                {t('matching.anonymous')}
              </Text>
            ))}
          {show !== 'role' && (
            <Text size="sm" c="dimmed">
              {candidateLine || t('matching.noProfile')}
            </Text>
          )}
        </Stack>
        <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
          <Badge
            size="lg"
            color={scoreColor(match.score)}
            variant="light"
            aria-label={t('matching.scoreAria', { score: match.score })}
          >
            {match.score}
          </Badge>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {t('matching.confidence', { value: match.confidence })}
          </Text>
        </Stack>
      </Group>
      <Stack mt="md">
        <FactorBars reasons={match.reasons} />
      </Stack>
      {match.status === 'suggested' && (onAccept || onReject) && (
        <Group justify="flex-end" mt="md" gap="sm">
          {onReject && (
            <Button
              variant="default"
              leftSection={<IconX size={16} />}
              onClick={() => onReject(match)}
              disabled={busy}
            >
              {t('matching.reject')}
            </Button>
          )}
          {onAccept && (
            <Button leftSection={<IconCheck size={16} />} onClick={() => onAccept(match)} loading={busy}>
              {t('matching.accept')}
            </Button>
          )}
        </Group>
      )}
      {match.status !== 'suggested' && (
        <Text size="sm" mt="md" c="dimmed">
          {t(`matching.status.${match.status}`)}
          {match.decision_reason ? ` — ${match.decision_reason}` : ''}
        </Text>
      )}
      <Text size="xs" c="dimmed" mt="xs">
        {t('matching.modelVersion', { version: match.model_version })}
      </Text>
    </Paper>
  )
}
