import { Badge, Group, Table, Text } from '@mantine/core'
import { IconCircleCheck } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { LinkedRow, RowLink } from '../../components/linked-row'
import { RelativeTime } from '../../components/relative-time'
import { RowCard, RowCards } from '../../components/row-card'
import { useIsPhone } from '../../components/use-is-phone'
import type { CandidateSummary } from './candidates-api'

/** My candidates; a row opens the candidate. */
export function CandidatesTable({ candidates }: { candidates: CandidateSummary[] }) {
  const { t } = useTranslation()
  const phone = useIsPhone()
  const consent = (c: CandidateSummary) =>
    c.has_consent ? (
      <Badge color="teal" variant="light" tt="none" leftSection={<IconCircleCheck size={12} />}>
        {t('splits.candidates.consentYes')}
      </Badge>
    ) : (
      <Badge color="yellow" variant="light" tt="none">
        {t('splits.candidates.consentNo')}
      </Badge>
    )

  if (phone) {
    return (
      <RowCards label={t('splits.candidates.listTitle')}>
        {candidates.map((c) => (
          <RowCard
            key={c.id}
            to={`/splits/candidates/${c.id}`}
            title={c.full_name}
            subtitle={[c.current_title, c.location].filter(Boolean).join(' · ') || undefined}
            badges={consent(c)}
            fields={[
              { label: t('splits.candidates.skills'), value: c.skills.join(', ') || '—' },
              { label: t('splits.candidates.applications'), value: String(c.applications_count) },
              {
                label: t('splits.candidates.addedAt'),
                value: <RelativeTime value={c.created_at} size="sm" />,
              },
            ]}
          />
        ))}
      </RowCards>
    )
  }

  return (
    <Table.ScrollContainer minWidth={680}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('splits.candidates.name')}</Table.Th>
            <Table.Th>{t('splits.candidates.skills')}</Table.Th>
            <Table.Th>{t('splits.candidates.consent')}</Table.Th>
            <Table.Th>{t('splits.candidates.applications')}</Table.Th>
            <Table.Th>{t('splits.candidates.addedAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {candidates.map((c) => (
            <LinkedRow key={c.id} to={`/splits/candidates/${c.id}`}>
              <Table.Td>
                <RowLink to={`/splits/candidates/${c.id}`}>{c.full_name}</RowLink>
                <Text size="xs" c="dimmed">
                  {[c.current_title, c.location].filter(Boolean).join(' · ') || '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {c.skills.slice(0, 4).map((skill) => (
                    <Badge key={skill} variant="default" tt="none" size="sm">
                      {skill}
                    </Badge>
                  ))}
                  {c.skills.length > 4 && (
                    <Text size="xs" c="dimmed">
                      +{c.skills.length - 4}
                    </Text>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>{consent(c)}</Table.Td>
              <Table.Td>
                <Text size="sm">{c.applications_count}</Text>
              </Table.Td>
              <Table.Td>
                <RelativeTime value={c.created_at} size="sm" />
              </Table.Td>
            </LinkedRow>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
