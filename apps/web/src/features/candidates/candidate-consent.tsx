import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../api/client'
import { describeConsentText, formatDateTime } from '../../lib/format'
import { useVocab } from '../reference/use-vocab'
import type { ConsentMethod } from './candidate-form-values'
import { type Candidate, useUpdateCandidate } from './candidates-api'
import { ConsentFields } from './consent-fields'

/** The consent on record (needed to submit), or a way for the representing recruiter to record it. */
export function CandidateConsent({ candidate }: { candidate: Candidate }) {
  const { t, i18n } = useTranslation()
  const { label } = useVocab()
  const update = useUpdateCandidate(candidate.id)
  const [checked, setChecked] = useState(false)
  const [method, setMethod] = useState<ConsentMethod>('email')

  if (candidate.consent) {
    return (
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <IconCircleCheck size={20} color="var(--mantine-color-teal-6)" style={{ flexShrink: 0 }} />
        <div>
          <Text size="sm">
            {t('splits.candidate.consentGiven', {
              method: label('consentMethods', candidate.consent.method).toLowerCase(),
              date: formatDateTime(candidate.consent.given_at, i18n.language),
            })}
          </Text>
          {candidate.consent.text_version && (
            <Text size="sm" c="dimmed">
              {t('splits.candidate.consentText', {
                text: describeConsentText(candidate.consent.text_version, i18n.language, t),
              })}
            </Text>
          )}
        </div>
      </Group>
    )
  }
  if (!candidate.yours) return <Text size="sm">{t('splits.candidate.noConsent')}</Text>
  return (
    <Stack gap="sm">
      <Alert variant="light" color="yellow" icon={<IconAlertTriangle size={18} />}>
        {t('splits.candidate.noConsentYours')}
      </Alert>
      <ConsentFields
        name={candidate.full_name}
        checked={checked}
        onCheckedChange={setChecked}
        method={method}
        onMethodChange={setMethod}
      />
      {update.isError && (
        <Text size="sm" c="red">
          {errorMessage(update.error, t)}
        </Text>
      )}
      <Button
        disabled={!checked}
        loading={update.isPending}
        style={{ alignSelf: 'flex-start' }}
        onClick={() =>
          update.mutate(
            { consent: { method } },
            {
              onSuccess: () =>
                notifications.show({ color: 'teal', message: t('splits.candidate.consentSaved') }),
            },
          )
        }
      >
        {t('splits.candidate.recordConsent')}
      </Button>
    </Stack>
  )
}
