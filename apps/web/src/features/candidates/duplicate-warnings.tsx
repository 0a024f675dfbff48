import { Alert, Anchor, List, Stack, Text } from '@mantine/core'
import { IconAlertTriangle, IconInfoCircle, IconUserExclamation } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatDate } from '../../lib/format'
import { useVocab } from '../reference/use-vocab'
import type { DuplicateWarning } from './candidates-api'

interface DuplicateWarningsProps {
  warnings: DuplicateWarning[]
  /** The company a submission is headed to: a representation there blocks it. */
  company?: { id: string; name: string }
}

/** Other recruiters' records of the same person, and where they already represent them. */
export function DuplicateWarnings({ warnings, company }: DuplicateWarningsProps) {
  const { t, i18n } = useTranslation()
  const { list } = useVocab()
  if (warnings.length === 0) return null

  return (
    <Stack gap="xs" aria-live="polite">
      {warnings.map((w, index) => {
        const matched = list('matchedOn', w.matched_on)
        if (w.yours) {
          return (
            <Alert
              key={`yours-${w.candidate_id}`}
              color="blue"
              variant="light"
              icon={<IconInfoCircle size={18} />}
            >
              <Text size="sm">
                {t('splits.duplicates.yours', { matched })}{' '}
                {w.candidate_id && (
                  <Anchor component={Link} to={`/splits/candidates/${w.candidate_id}`} size="sm">
                    {t('splits.duplicates.openYours')}
                  </Anchor>
                )}
              </Text>
            </Alert>
          )
        }
        const blocking = company && w.represented_to.some((r) => r.company_id === company.id)
        return (
          <Alert
            // biome-ignore lint/suspicious/noArrayIndexKey: other recruiters' records have no id to show
            key={index}
            color={blocking ? 'red' : 'yellow'}
            variant="light"
            icon={blocking ? <IconAlertTriangle size={18} /> : <IconUserExclamation size={18} />}
            title={t('splits.duplicates.title')}
          >
            <Text size="sm" mb={4}>
              {t('splits.duplicates.matchedOn', { matched })}
            </Text>
            {w.represented_to.length === 0 ? (
              <Text size="sm">{t('splits.duplicates.notRepresented')}</Text>
            ) : (
              <List size="sm" spacing={4}>
                {w.represented_to.map((r) => (
                  <List.Item key={r.company_id}>
                    {t('splits.duplicates.representedTo', {
                      company: r.company_name,
                      date: formatDate(r.expires_at, i18n.language),
                    })}
                    {company?.id === r.company_id && (
                      <Text span fw={700}>
                        {' — '}
                        {t('splits.duplicates.blocked', { company: r.company_name })}
                      </Text>
                    )}
                  </List.Item>
                ))}
              </List>
            )}
          </Alert>
        )
      })}
    </Stack>
  )
}
