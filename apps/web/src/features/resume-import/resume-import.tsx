import { Alert, Button, FileInput, Group, Progress, Stack, Text } from '@mantine/core'
import { IconAlertTriangle, IconFileUpload, IconInfoCircle } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../api/client'
import { type ResumeDraft, useDocumentStatus, useResumeDraft, useUploadResume } from './resume-import-api'

const ACCEPT =
  '.pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const KNOWN_FAILURES = [
  'encrypted_pdf',
  'unreadable_document',
  'archive_too_large',
  'no_text_found',
  'unsupported_media_type',
] as const

/**
 * "Import from resume": upload a PDF or DOCX, follow its processing, then hand the draft to the
 * form. Every step shows where it is; a failure says why, and another file may be tried.
 */
export function ResumeImport({ onDraft }: { onDraft: (draft: ResumeDraft | null) => void }) {
  const { t } = useTranslation()
  const [file, setFile] = useState<File | null>(null)
  const upload = useUploadResume()
  const documentId = upload.data?.id ?? null
  const status = useDocumentStatus(documentId)
  const ready = status.data?.status === 'ready'
  const draft = useResumeDraft(ready ? documentId : null)

  useEffect(() => {
    if (draft.data) onDraft(draft.data)
  }, [draft.data, onDraft])

  const choose = (f: File | null) => {
    setFile(f)
    upload.reset()
    onDraft(null)
    if (f) upload.mutate(f)
  }

  const failed = status.data?.status === 'failed'
  const failureCode = status.data?.failure_code ?? ''
  const known = KNOWN_FAILURES.find((code) => code === failureCode)
  const failure: string | null = failed
    ? known
      ? t(`splits.resumeImport.failure.${known}`)
      : (status.data?.failure_reason ?? t('splits.resumeImport.failure.unreadable_document'))
    : null
  const step = upload.isPending
    ? { value: 25, label: t('splits.resumeImport.uploading') }
    : documentId && !ready && !failed && !status.isError
      ? { value: 60, label: t('splits.resumeImport.processing') }
      : ready && draft.isPending
        ? { value: 90, label: t('splits.resumeImport.filling') }
        : null
  const error: Error | null = upload.error ?? status.error ?? draft.error ?? null

  return (
    <Stack gap="xs" mb="md" data-testid="resume-import">
      <FileInput
        label={t('splits.resumeImport.label')}
        description={t('splits.resumeImport.description')}
        placeholder={t('splits.resumeImport.placeholder')}
        accept={ACCEPT}
        value={file}
        onChange={choose}
        clearable
        leftSection={<IconFileUpload size={16} />}
        disabled={Boolean(step)}
      />
      {step && (
        <Stack gap={4} aria-live="polite">
          <Progress value={step.value} animated striped aria-label={step.label} />
          <Text size="xs" c="dimmed">
            {step.label}
          </Text>
        </Stack>
      )}
      {failure && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          title={t('splits.resumeImport.failedTitle')}
        >
          <Text size="sm">{failure}</Text>
        </Alert>
      )}
      {error !== null && failure === null && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
          <Text size="sm">{errorMessage(error, t)}</Text>
        </Alert>
      )}
      {draft.data && (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconInfoCircle size={18} />}
          data-testid="resume-draft-ready"
        >
          <Stack gap={4}>
            <Text size="sm">{t('splits.resumeImport.ready')}</Text>
            {draft.data.warnings.map((w) => (
              <Text size="sm" key={w.code} fw={500}>
                {t(`splits.resumeImport.warning.${w.code}`)}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      {(failure !== null || error !== null) && (
        <Group>
          <Button size="xs" variant="default" onClick={() => choose(null)}>
            {t('splits.resumeImport.tryAnother')}
          </Button>
        </Group>
      )}
    </Stack>
  )
}
