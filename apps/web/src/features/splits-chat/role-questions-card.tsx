import { Badge, Group, Select, Stack, Tabs, Text } from '@mantine/core'
import { IconMessageQuestion } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { SectionCard } from '../../components/section-card'
import { useChatSocket } from '../conversations/use-chat-socket'
import { type RoleQuestions, useAskQuestion, useRoleQuestions } from './splits-chat-api'
import { Composer, Thread } from './thread'

/**
 * Questions about a role: the hiring team sees one thread per recruiter (and may write to a
 * recruiter working the role); a recruiter sees their own thread, or asks the first question.
 */
export function RoleQuestionsCard({ roleId }: { roleId: string }) {
  const { t } = useTranslation()
  const questions = useRoleQuestions(roleId)
  // a thread opened by the other side (a new question, the team writing first) appears at once
  const known = new Set(questions.data?.data.map((x) => x.conversation_id))
  const { refetch } = questions
  useChatSocket(
    (e) => {
      if (e.type === 'message' && !known.has(e.message.conversation_id)) void refetch()
    },
    () => void refetch(),
  )
  if (questions.error && (questions.error as { status?: number }).status === 403) return null
  return (
    <SectionCard title={t('splitsChat.questionsTitle')}>
      {questions.isPending && <LoadingState minHeight={120} />}
      {questions.isError && <ErrorAlert error={questions.error} onRetry={() => void questions.refetch()} />}
      {questions.data &&
        (questions.data.viewer === 'hiring_team' ? (
          <TeamQuestions roleId={roleId} q={questions.data} />
        ) : (
          <RecruiterQuestions roleId={roleId} q={questions.data} />
        ))}
    </SectionCard>
  )
}

function RecruiterQuestions({ roleId, q }: { roleId: string; q: RoleQuestions }) {
  const { t } = useTranslation()
  const ask = useAskQuestion(roleId)
  const mine = q.data[0]
  if (mine) return <Thread id={mine.conversation_id} maskingNote={t('splitsChat.questionsMasking')} />
  if (!q.can_ask)
    return (
      <Text size="sm" c="dimmed">
        {t('splitsChat.cannotAsk')}
      </Text>
    )
  return (
    <Stack gap="sm" data-testid="ask-question">
      <Text size="sm" c="dimmed">
        {t('splitsChat.askIntro')}
      </Text>
      <Composer
        send={{
          mutate: (text, o) => ask.mutate({ text }, { onSuccess: o.onSuccess }),
          isPending: ask.isPending,
          error: ask.isError ? ask.error : null,
        }}
        placeholder={t('splitsChat.askPlaceholder')}
      />
    </Stack>
  )
}

function TeamQuestions({ roleId, q }: { roleId: string; q: RoleQuestions }) {
  const { t } = useTranslation()
  const [selected, setSelected] = useState<string | null>(null)
  const [starting, setStarting] = useState<string | null>(null)
  const ask = useAskQuestion(roleId)
  const current = q.data.find((x) => x.thread_id === selected) ?? q.data[0]
  return (
    <Stack gap="sm">
      {q.data.length === 0 && (
        <Group gap="xs" wrap="nowrap">
          <IconMessageQuestion size={18} style={{ flexShrink: 0 }} />
          <Text size="sm" c="dimmed">
            {t('splitsChat.noQuestions')}
          </Text>
        </Group>
      )}
      {q.data.length > 0 && (
        <Tabs value={current?.thread_id ?? null} onChange={setSelected} variant="pills">
          <Tabs.List style={{ flexWrap: 'wrap' }}>
            {q.data.map((x) => (
              <Tabs.Tab
                key={x.thread_id}
                value={x.thread_id}
                data-testid="question-thread-tab"
                rightSection={
                  x.unread > 0 ? (
                    <Badge size="xs" circle color="red" data-testid="question-unread">
                      {x.unread}
                    </Badge>
                  ) : null
                }
              >
                {x.recruiter_name}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
      )}
      {current && (
        <Thread
          key={current.thread_id}
          id={current.conversation_id}
          maskingNote={t('splitsChat.questionsMasking')}
        />
      )}
      {q.recruiters_without_thread.length > 0 && (
        <Stack gap={6} pt="xs" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
          <Select
            label={t('splitsChat.writeTo')}
            placeholder={t('splitsChat.pickRecruiter')}
            data={q.recruiters_without_thread.map((r) => ({
              value: r.recruiter_id,
              label: r.recruiter_name,
            }))}
            value={starting}
            onChange={setStarting}
            comboboxProps={{ withinPortal: true }}
            data-testid="question-recruiter"
          />
          {starting && (
            <Composer
              send={{
                mutate: (text, o) =>
                  ask.mutate(
                    { text, recruiter_id: starting },
                    {
                      onSuccess: (r) => {
                        o.onSuccess()
                        setStarting(null)
                        setSelected(r.thread_id)
                      },
                    },
                  ),
                isPending: ask.isPending,
                error: ask.isError ? ask.error : null,
              }}
            />
          )}
        </Stack>
      )}
      {q.data.length === 0 && q.recruiters_without_thread.length === 0 && (
        <Text size="xs" c="dimmed">
          {t('splitsChat.noRecruitersYet')}
        </Text>
      )}
    </Stack>
  )
}
