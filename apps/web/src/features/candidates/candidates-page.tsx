import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core'
import { useDebouncedValue, useDisclosure } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { IconSearch, IconUserPlus, IconUsers } from '@tabler/icons-react'
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { isAuthError } from '../../api/client'
import { usePageTitle } from '../../app/use-page-title'
import { EmptyState } from '../../components/empty-state'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { SectionCard } from '../../components/section-card'
import { SignInRequiredAlert } from '../../components/sign-in-required-alert'
import { draftToForm, savedFromCandidate } from '../resume-import/draft-to-form'
import { ResumeImport } from '../resume-import/resume-import'
import { type ResumeDraft, recordResumeCorrections } from '../resume-import/resume-import-api'
import { CandidateForm } from './candidate-form'
import { useCandidatesSearch } from './candidates-api'
import { CandidatesTable } from './candidates-table'

/** A recruiter's bench: search, and add someone (with live duplicate warnings). */
export function CandidatesPage() {
  const { t } = useTranslation()
  usePageTitle(t('splits.candidates.title'))
  const navigate = useNavigate()
  const [q, setQ] = useState('')
  const [debounced] = useDebouncedValue(q, 300)
  const search = useCandidatesSearch(debounced)
  const [adding, addModal] = useDisclosure(false)
  const [draft, setDraft] = useState<ResumeDraft | null>(null)
  const onDraft = useCallback((d: ResumeDraft | null) => setDraft(d), [])
  const prefill = draft ? draftToForm(draft) : null
  const authError = isAuthError(search.error) ? search.error : undefined
  const candidates = search.data?.pages.flatMap((page) => page.data) ?? []

  return (
    <>
      <PageHeader
        title={t('splits.candidates.title')}
        description={t('splits.candidates.description')}
        actions={
          !authError && (
            <Button leftSection={<IconUserPlus size={16} />} onClick={addModal.open}>
              {t('splits.candidates.add')}
            </Button>
          )
        }
      />
      {authError ? (
        <SignInRequiredAlert error={authError} title={t('splits.candidates.signInRequired')} />
      ) : (
        <SectionCard title={t('splits.candidates.listTitle')}>
          <Stack>
            <TextInput
              aria-label={t('splits.candidates.search')}
              placeholder={t('splits.candidates.searchPlaceholder')}
              leftSection={<IconSearch size={16} />}
              type="search"
              value={q}
              onChange={(event) => setQ(event.currentTarget.value)}
              maw={420}
            />
            {search.isPending && <LoadingState />}
            {search.isError && <ErrorAlert error={search.error} onRetry={() => search.refetch()} />}
            {search.isSuccess && candidates.length === 0 && (
              <EmptyState
                icon={<IconUsers size={28} stroke={1.5} />}
                title={debounced ? t('splits.candidates.noMatch') : t('splits.candidates.emptyTitle')}
                description={debounced ? undefined : t('splits.candidates.emptyDescription')}
              >
                {!debounced && (
                  <Button variant="light" leftSection={<IconUserPlus size={16} />} onClick={addModal.open}>
                    {t('splits.candidates.add')}
                  </Button>
                )}
              </EmptyState>
            )}
            {candidates.length > 0 && (
              <>
                <CandidatesTable candidates={candidates} />
                <Group justify="space-between">
                  <Text size="sm" c="dimmed">
                    {t('splits.candidates.shown', { count: candidates.length })}
                  </Text>
                  {search.hasNextPage && (
                    <Button
                      variant="default"
                      onClick={() => search.fetchNextPage()}
                      loading={search.isFetchingNextPage}
                    >
                      {t('splits.candidates.loadMore')}
                    </Button>
                  )}
                </Group>
              </>
            )}
          </Stack>
        </SectionCard>
      )}
      <Modal
        opened={adding}
        onClose={() => {
          addModal.close()
          setDraft(null)
        }}
        title={t('splits.candidates.addTitle')}
        size="xl"
      >
        <ResumeImport onDraft={onDraft} />
        <CandidateForm
          key={draft?.document_id ?? 'blank'}
          initialValues={prefill?.values}
          evidence={prefill?.evidence}
          submitLabel={t('splits.candidates.addSubmit')}
          onCancel={addModal.close}
          onCreated={(candidate) => {
            // Measures the parser: what was finally saved against what it read. Never blocks.
            if (draft)
              recordResumeCorrections(draft.document_id, savedFromCandidate(candidate), candidate.id).catch(
                () => {},
              )
            setDraft(null)
            notifications.show({
              color: 'teal',
              message: t('splits.candidates.added', { name: candidate.full_name }),
            })
            addModal.close()
            navigate(`/splits/candidates/${candidate.id}`)
          }}
        />
      </Modal>
    </>
  )
}
