import { Alert, Button, Stack, Text } from '@mantine/core'
import { IconCheck, IconGavel, IconUserX } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApiError } from '../../api/client'
import { formatDate } from '../../lib/format'
import { DisputeForm } from '../disputes/dispute-form'
import { useVocab } from '../reference/use-vocab'

interface DuplicateBlockAlertProps {
  /** The 409 duplicate_candidate answer to a submission. */
  error: ApiError
  companyName: string
}

/** Why a submission was refused (another recruiter holds the right to represent), and a way to dispute it. */
export function DuplicateBlockAlert({ error, companyName }: DuplicateBlockAlertProps) {
  const { t, i18n } = useTranslation()
  const { list } = useVocab()
  const [disputing, setDisputing] = useState(false)
  const [filed, setFiled] = useState(false)
  const disputeId = typeof error.problem.dispute_id === 'string' ? error.problem.dispute_id : undefined
  const until =
    typeof error.problem.represented_until === 'string' ? error.problem.represented_until : undefined
  const matchedOn = error.problem.matched_on
  const matched =
    Array.isArray(matchedOn) && matchedOn.length > 0
      ? list(
          'matchedOn',
          matchedOn.filter((m): m is string => typeof m === 'string'),
        )
      : ''

  if (filed) {
    return (
      <Alert
        color="teal"
        variant="light"
        icon={<IconCheck size={18} />}
        title={t('splits.dispute.filedTitle')}
      >
        {t('splits.dispute.filedBody')}
      </Alert>
    )
  }
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconUserX size={18} />}
      title={t('splits.blocked.title', { company: companyName })}
    >
      <Stack gap="sm">
        <Text size="sm">
          {until
            ? t('splits.blocked.body', { company: companyName, date: formatDate(until, i18n.language) })
            : error.detail}
          {matched && ` ${t('splits.duplicates.matchedOn', { matched })}`}
        </Text>
        <Text size="sm">{t('splits.blocked.recorded')}</Text>
        {disputeId &&
          (disputing ? (
            <DisputeForm
              disputeId={disputeId}
              onDone={() => setFiled(true)}
              onCancel={() => setDisputing(false)}
            />
          ) : (
            <Button
              variant="light"
              color="orange"
              leftSection={<IconGavel size={16} />}
              onClick={() => setDisputing(true)}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('splits.blocked.dispute')}
            </Button>
          ))}
      </Stack>
    </Alert>
  )
}
