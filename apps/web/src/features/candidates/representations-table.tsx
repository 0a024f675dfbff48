import { Table, Text } from '@mantine/core'
import { IconShieldCheck } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { EmptyState } from '../../components/empty-state'
import { formatDate } from '../../lib/format'
import { VocabBadge } from '../reference/vocab-badge'
import type { Candidate } from './candidates-api'

/** Where the recruiter holds the right to represent the person, until when, and its ownership status. */
export function RepresentationsTable({ representations }: { representations: Candidate['representations'] }) {
  const { t, i18n } = useTranslation()
  if (representations.length === 0) {
    return (
      <EmptyState
        icon={<IconShieldCheck size={28} stroke={1.5} />}
        title={t('splits.candidate.noRepresentations')}
        description={t('splits.candidate.noRepresentationsHint')}
      />
    )
  }
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('splits.candidate.company')}</Table.Th>
            <Table.Th>{t('splits.candidate.since')}</Table.Th>
            <Table.Th>{t('splits.candidate.until')}</Table.Th>
            <Table.Th>{t('splits.candidate.status')}</Table.Th>
            <Table.Th>{t('splits.candidate.ownership')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {representations.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {r.company_name}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDate(r.starts_at, i18n.language)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatDate(r.expires_at, i18n.language)}</Text>
              </Table.Td>
              <Table.Td>
                <VocabBadge kind="representationStatuses" code={r.status} variant="outline" />
              </Table.Td>
              <Table.Td>
                <VocabBadge kind="ownership" code={r.ownership} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
