import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NumberInput,
  Progress,
  Stack,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/error-alert'
import type { Lead } from '../ofair-leads/ofair-api'
import { shekels } from '../ofair-leads/ofair-api'
import { formatShekels } from '../ofair-leads/ofair-format'
import {
  type Milestone,
  type Project,
  useAddMilestone,
  useAdvanceMilestone,
  useLeadProject,
  usePostProjectUpdate,
} from './reviews-api'

const STATUS_COLOR: Record<Milestone['status'], string> = {
  pending: 'gray',
  in_progress: 'blue',
  done: 'teal',
}

/** The project of an accepted lead, for its two sides: milestones checklist and updates timeline. */
export function ProjectCard({ lead }: { lead: Lead }) {
  const { t } = useTranslation()
  const involved = lead.is_owner || lead.my_proposal?.status === 'accepted'
  const project = useLeadProject(lead.id, involved && !!lead.accepted_proposal_id)
  if (!involved || !lead.accepted_proposal_id || project.isPending) return null
  if (project.isError) return <ErrorAlert error={project.error} />
  const p = project.data
  if (!p) return null
  return (
    <Card withBorder radius="md" padding="md" data-testid="project">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} fz="lg">
            {t('ofairProjects.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('ofairProjects.progress', { done: p.progress.done, total: p.progress.total })}
          </Text>
        </Group>
        {p.progress.total > 0 && <Progress value={(p.progress.done / p.progress.total) * 100} color="teal" />}
        <Milestones project={p} />
        <AddMilestone projectId={p.id} />
        <Updates project={p} />
      </Stack>
    </Card>
  )
}

function Milestones({ project }: { project: Project }) {
  const { t } = useTranslation()
  const advance = useAdvanceMilestone(project.id)
  if (project.milestones.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('ofairProjects.noMilestones')}
      </Text>
    )
  return (
    <Stack gap="xs" data-testid="milestones">
      {project.milestones.map((m) => {
        const next = m.status === 'pending' ? 'in_progress' : m.status === 'in_progress' ? 'done' : null
        return (
          <Group key={m.id} justify="space-between" wrap="nowrap" align="flex-start">
            <Checkbox
              checked={m.status === 'done'}
              readOnly
              label={
                <Stack gap={0}>
                  <Text size="sm" td={m.status === 'done' ? 'line-through' : undefined}>
                    {m.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {[
                      m.due_date &&
                        t('ofairProjects.due', { date: new Date(m.due_date).toLocaleDateString('he-IL') }),
                      m.amount && formatShekels(m.amount.amount),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </Stack>
              }
            />
            <Group gap={6} wrap="nowrap">
              <Badge color={STATUS_COLOR[m.status]} variant="light">
                {t(`ofairProjects.status.${m.status}`)}
              </Badge>
              {project.you.is_performer && next && (
                <Button
                  size="compact-xs"
                  variant="light"
                  loading={advance.isPending && advance.variables?.id === m.id}
                  onClick={() => advance.mutate({ id: m.id, status: next, version: m.version })}
                >
                  {t(`ofairProjects.advance.${next}`)}
                </Button>
              )}
            </Group>
          </Group>
        )
      })}
      {advance.isError && <ErrorAlert error={advance.error} />}
    </Stack>
  )
}

function AddMilestone({ projectId }: { projectId: string }) {
  const { t } = useTranslation()
  const [title, setTitle] = useState('')
  const [due, setDue] = useState('')
  const [amount, setAmount] = useState<number | string>('')
  const add = useAddMilestone(projectId)
  return (
    <Stack gap="xs">
      <Group gap="xs" align="flex-end" wrap="wrap">
        <TextInput
          label={t('ofairProjects.milestoneTitle')}
          value={title}
          maxLength={120}
          onChange={(e) => setTitle(e.currentTarget.value)}
          style={{ flex: '1 1 160px' }}
        />
        <TextInput
          type="date"
          label={t('ofairProjects.dueDate')}
          value={due}
          onChange={(e) => setDue(e.currentTarget.value)}
          w={150}
        />
        <NumberInput
          label={t('ofairProjects.amount')}
          min={0}
          suffix=" ₪"
          thousandSeparator=","
          value={amount}
          onChange={setAmount}
          w={120}
        />
        <Button
          disabled={!title.trim()}
          loading={add.isPending}
          onClick={() =>
            add.mutate(
              {
                title,
                due_date: due || null,
                amount: amount === '' ? null : shekels(Number(amount)),
              },
              {
                onSuccess: () => {
                  setTitle('')
                  setDue('')
                  setAmount('')
                },
              },
            )
          }
        >
          {t('ofairProjects.add')}
        </Button>
      </Group>
      {add.isError && <ErrorAlert error={add.error} />}
    </Stack>
  )
}

function Updates({ project }: { project: Project }) {
  const { t } = useTranslation()
  const [body, setBody] = useState('')
  const post = usePostProjectUpdate(project.id)
  return (
    <Stack gap="xs">
      <Title order={3} fz="md">
        {t('ofairProjects.updates')}
      </Title>
      {project.you.is_performer && (
        <>
          <Textarea
            label={t('ofairProjects.updateLabel')}
            autosize
            minRows={2}
            maxLength={2000}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
          />
          {post.isError && <ErrorAlert error={post.error} />}
          <Group>
            <Button
              size="xs"
              disabled={!body.trim()}
              loading={post.isPending}
              onClick={() => post.mutate(body, { onSuccess: () => setBody('') })}
            >
              {t('ofairProjects.post')}
            </Button>
          </Group>
        </>
      )}
      {project.updates.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('ofairProjects.noUpdates')}
        </Text>
      ) : (
        <Timeline bulletSize={12} lineWidth={2} data-testid="project-updates">
          {project.updates.map((u) => (
            <Timeline.Item
              key={u.id}
              title={new Date(u.created_at).toLocaleString('he-IL', {
                dateStyle: 'short',
                timeStyle: 'short',
              })}
            >
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {u.body}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Stack>
  )
}
