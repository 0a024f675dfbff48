import {
  Alert,
  Anchor,
  Badge,
  Button,
  Code,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Timeline,
  useDirection,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconArrowLeft, IconArrowRight } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { errorMessage, isNotFound } from '../../api/client'
import { usePageTitle } from '../../app/use-page-title'
import { Fact } from '../../components/fact'
import { LoadingState } from '../../components/loading-state'
import { NotFoundState } from '../../components/not-found-state'
import { PageHeader } from '../../components/page-header'
import { QueryError } from '../../components/query-error'
import { SectionCard } from '../../components/section-card'
import { formatDateTime } from '../../lib/format'
import { type FraudSignal, SEVERITY_COLOR, useSignal, useSignalAction } from './fraud-api'

/** One signal: what was seen (evidence, entities), its history, and the review form. */
export function FraudSignalPage() {
  const { t, i18n } = useTranslation()
  const { dir } = useDirection()
  const id = useParams().id ?? ''
  const signal = useSignal(id)
  const s = signal.data
  usePageTitle(t('fraud.detailTitle'))
  const BackIcon = dir === 'rtl' ? IconArrowRight : IconArrowLeft
  const lang = i18n.language
  if (isNotFound(signal.error)) return <NotFoundState error={signal.error} />
  return (
    <>
      <Anchor component={Link} to="/admin/fraud" size="sm" mb="sm" display="inline-block">
        <Group gap={4} component="span">
          <BackIcon size={14} />
          {t('fraud.back')}
        </Group>
      </Anchor>
      <PageHeader
        title={
          <Group gap="sm" component="span">
            {s ? t(`fraud.types.${s.type}`) : t('fraud.detailTitle')}
            {s && (
              <Badge size="lg" color={SEVERITY_COLOR[s.severity]}>
                {t(`fraud.severities.${s.severity}`)}
              </Badge>
            )}
            {s && (
              <Badge size="lg" variant="outline">
                {t(`fraud.status.${s.status}`)}
              </Badge>
            )}
          </Group>
        }
        description={s?.explanation}
      />
      {signal.isPending && <LoadingState />}
      {signal.isError && (
        <QueryError
          error={signal.error}
          signInTitle={t('fraud.signInRequired')}
          onRetry={() => signal.refetch()}
        />
      )}
      {s && (
        <Stack gap="xl">
          <SectionCard title={t('fraud.evidence')}>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="lg" mb="md">
              <Fact label={t('fraud.confidence')}>{s.confidence}%</Fact>
              <Fact label={t('fraud.detected')}>{formatDateTime(s.detected_at, lang)}</Fact>
              <Fact label={t('fraud.detector')}>{s.detector_version}</Fact>
              <Fact label={t('fraud.subject')}>
                {s.subject_recruiter_name || s.subject_recruiter_id?.slice(-8) || '—'}
              </Fact>
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Code block>{JSON.stringify(s.evidence, null, 2)}</Code>
              <Code block>{JSON.stringify(s.entities, null, 2)}</Code>
            </SimpleGrid>
          </SectionCard>
          <SectionCard title={t('fraud.history')}>
            <Timeline active={s.history.length - 1} bulletSize={14}>
              {s.history.map((h) => (
                <Timeline.Item key={h.id} title={t(`fraud.status.${h.to_status as FraudSignal['status']}`)}>
                  {h.notes && (
                    <Text size="sm" c="dimmed">
                      {h.notes}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed">
                    {formatDateTime(h.at, lang)}
                  </Text>
                </Timeline.Item>
              ))}
            </Timeline>
          </SectionCard>
          {(s.status === 'active' || s.status === 'reviewed') && (
            <SectionCard title={t('fraud.decide')}>
              <DecideForm signal={s} />
            </SectionCard>
          )}
        </Stack>
      )}
    </>
  )
}

function DecideForm({ signal }: { signal: FraudSignal }) {
  const { t } = useTranslation()
  const act = useSignalAction(signal.id)
  const actions = (
    signal.status === 'active' ? ['review', 'resolve', 'dismiss'] : ['resolve', 'dismiss']
  ) as ('review' | 'resolve' | 'dismiss')[]
  const [action, setAction] = useState<(typeof actions)[number]>(
    actions.includes('resolve') ? 'resolve' : actions[0]!,
  )
  const [notes, setNotes] = useState('')
  return (
    <Stack>
      <SegmentedControl
        value={action}
        onChange={(v) => setAction(v as typeof action)}
        data={actions.map((a) => ({ value: a, label: t(`fraud.actions.${a}`) }))}
      />
      <Textarea
        label={t('fraud.notes')}
        description={t('fraud.notesHint')}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
        autosize
        minRows={3}
        maxLength={2000}
        required
      />
      {act.isError && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
          {errorMessage(act.error, t)}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button
          disabled={notes.trim().length < 3}
          loading={act.isPending}
          onClick={() =>
            act.mutate(
              { action, notes: notes.trim() },
              { onSuccess: () => notifications.show({ color: 'teal', message: t('fraud.done') }) },
            )
          }
        >
          {t(`fraud.actions.${action}`)}
        </Button>
      </Group>
    </Stack>
  )
}
