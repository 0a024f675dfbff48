import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  FileButton,
  Group,
  Progress,
  Select,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconDownload, IconFileText, IconTrash, IconUpload } from '@tabler/icons-react'
import type { ParseKeys } from 'i18next'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, errorMessage } from '../../api/client'
import { LoadingState } from '../../components/loading-state'
import { QueryError } from '../../components/query-error'
import { SectionCard } from '../../components/section-card'
import { formatDateTime } from '../../lib/format'
import {
  type DocumentItem,
  type DocumentKind,
  downloadDocument,
  type EntityType,
  useDeleteDocument,
  useEntityDocuments,
  useUploadDocument,
} from './documents-api'

const STATUS_COLOR: Record<DocumentItem['status'], string> = {
  pending: 'gray',
  processing: 'blue',
  ready: 'teal',
  failed: 'red',
}

/** The kinds each record takes, the first being the default. */
const KINDS: Record<EntityType, DocumentKind[]> = {
  candidate: ['resume', 'other'],
  role: ['job_description', 'contract', 'other'],
  company: ['contract', 'other'],
}

/** Accepted on every kind's picker; the server reads the real type from the content. */
const ACCEPT = '.pdf,.docx,.txt,.png,.jpg,.jpeg,application/pdf,text/plain'

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`
  return `${(n / 1024 / 1024).toFixed(1)} MB`
}

/**
 * A record's documents (a candidate's resumes, a role's job descriptions and contracts): the list
 * with each one's processing status and, when it failed, why; upload with a progress bar;
 * download through a fresh signed link; delete.
 */
export function DocumentsPanel({ entityType, entityId }: { entityType: EntityType; entityId: string }) {
  const { t, i18n } = useTranslation()
  const docs = useEntityDocuments(entityType, entityId)
  const upload = useUploadDocument(entityType, entityId)
  const remove = useDeleteDocument(entityType, entityId)
  const [kind, setKind] = useState<DocumentKind>(KINDS[entityType][0]!)
  const [progress, setProgress] = useState<number | null>(null)
  const [uploadError, setUploadError] = useState<string | null>(null)

  const uploadErrorText = (err: unknown): string => {
    const key = err instanceof ApiError ? `documents.errors.${err.code}` : ''
    return key && i18n.exists(key) ? t(key as ParseKeys) : errorMessage(err, t)
  }

  const onFile = (file: File | null) => {
    if (!file) return
    setUploadError(null)
    setProgress(0)
    upload.mutate(
      { input: { kind, entityType, entityId, file }, onProgress: setProgress },
      {
        onSuccess: (doc) =>
          notifications.show({ color: 'teal', message: t('documents.uploaded', { name: doc.file_name }) }),
        onError: (err) => setUploadError(uploadErrorText(err)),
        onSettled: () => setProgress(null),
      },
    )
  }

  const canUpload = docs.data?.can_upload ?? false
  return (
    <SectionCard
      title={t('documents.title')}
      actions={
        canUpload ? (
          <Group gap="xs" wrap="wrap">
            <Select
              aria-label={t('documents.kindLabel')}
              size="xs"
              w={170}
              value={kind}
              onChange={(v) => v && setKind(v as DocumentKind)}
              data={KINDS[entityType].map((k) => ({ value: k, label: t(`documents.kinds.${k}`) }))}
              allowDeselect={false}
            />
            <FileButton onChange={onFile} accept={ACCEPT}>
              {(props) => (
                <Button
                  {...props}
                  size="xs"
                  leftSection={<IconUpload size={14} />}
                  loading={upload.isPending}
                >
                  {t('documents.upload')}
                </Button>
              )}
            </FileButton>
          </Group>
        ) : undefined
      }
    >
      <Stack gap="sm">
        {progress !== null && (
          <div>
            <Text size="xs" c="dimmed" mb={4}>
              {t('documents.uploading', { percent: Math.round(progress * 100) })}
            </Text>
            <Progress value={progress * 100} aria-label={t('documents.uploadProgress')} animated />
          </div>
        )}
        {uploadError && (
          <Alert
            color="red"
            withCloseButton
            onClose={() => setUploadError(null)}
            title={t('documents.uploadFailed')}
          >
            {uploadError}
          </Alert>
        )}
        {docs.isPending && <LoadingState />}
        {docs.isError && (
          <QueryError error={docs.error} signInTitle={t('documents.title')} onRetry={() => docs.refetch()} />
        )}
        {docs.isSuccess && docs.data.data.length === 0 && (
          <Text c="dimmed" size="sm">
            {canUpload ? t('documents.emptyCanUpload') : t('documents.empty')}
          </Text>
        )}
        {docs.isSuccess &&
          docs.data.data.map((doc) => (
            <Group
              key={doc.id}
              justify="space-between"
              wrap="nowrap"
              gap="sm"
              p="xs"
              style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
              data-testid="document-row"
            >
              <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
                <IconFileText size={22} style={{ flexShrink: 0 }} />
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Text size="sm" fw={500} truncate="end">
                    {doc.file_name}
                  </Text>
                  <Group gap={6} wrap="wrap">
                    <Badge size="xs" variant="light" color="gray">
                      {t(`documents.kinds.${doc.kind}`)}
                    </Badge>
                    <Badge
                      size="xs"
                      variant="light"
                      color={STATUS_COLOR[doc.status]}
                      data-testid="document-status"
                    >
                      {t(`documents.status.${doc.status}`)}
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {formatBytes(doc.size_bytes)} · {doc.uploaded_by.name} ·{' '}
                      {formatDateTime(doc.created_at, i18n.language)}
                    </Text>
                  </Group>
                  {doc.failure && (
                    <Text size="xs" c="red" data-testid="document-failure">
                      {i18n.exists(`documents.failures.${doc.failure.code}`)
                        ? t(`documents.failures.${doc.failure.code}` as ParseKeys)
                        : doc.failure.message}
                    </Text>
                  )}
                </Stack>
              </Group>
              <Group gap={4} wrap="nowrap">
                <Tooltip label={t('documents.download')}>
                  <ActionIcon
                    variant="subtle"
                    aria-label={t('documents.downloadNamed', { name: doc.file_name })}
                    disabled={doc.status === 'failed'}
                    onClick={() =>
                      downloadDocument(doc.id).catch((err) =>
                        notifications.show({ color: 'red', message: errorMessage(err, t) }),
                      )
                    }
                  >
                    <IconDownload size={16} />
                  </ActionIcon>
                </Tooltip>
                {canUpload && (
                  <Tooltip label={t('documents.delete')}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('documents.deleteNamed', { name: doc.file_name })}
                      loading={remove.isPending && remove.variables === doc.id}
                      onClick={() => {
                        if (window.confirm(t('documents.confirmDelete', { name: doc.file_name })))
                          remove.mutate(doc.id)
                      }}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                )}
              </Group>
            </Group>
          ))}
        {canUpload && (
          <Text size="xs" c="dimmed">
            {t('documents.hint')}
          </Text>
        )}
      </Stack>
    </SectionCard>
  )
}
