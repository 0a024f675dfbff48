import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useVocab } from '../reference/use-vocab'
import type { ApplicationSummary, Stage } from './applications-api'
import { PipelineCard } from './pipeline-card'

interface PipelineColumnProps {
  stage: Stage
  applications: ApplicationSummary[]
  onWithdraw: (application: ApplicationSummary) => void
}

/** One stage of the board with its cards. */
export function PipelineColumn({ stage, applications, onWithdraw }: PipelineColumnProps) {
  const { t } = useTranslation()
  const { label } = useVocab()
  const id = `stage-${stage}`

  return (
    <Paper
      component="section"
      aria-labelledby={id}
      p="sm"
      radius="lg"
      bg="var(--mantine-color-default-hover)"
    >
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="sm" id={id}>
          {label('stages', stage)}
        </Title>
        <Badge variant="default" size="sm" circle={applications.length < 10}>
          {applications.length}
        </Badge>
      </Group>
      <Stack gap="xs">
        {applications.map((a) => (
          <PipelineCard key={a.id} application={a} onWithdraw={onWithdraw} />
        ))}
        {applications.length === 0 && (
          <Text size="xs" c="dimmed" ta="center" py="md">
            {t('splits.pipeline.emptyColumn')}
          </Text>
        )}
      </Stack>
    </Paper>
  )
}
