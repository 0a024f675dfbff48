import { Badge, Group, Text, Tooltip } from '@mantine/core'
import { IconFileText } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/** Where a pre-filled value came from: the resume's text and how sure the parser was. */
export interface FieldEvidence {
  snippet: string
  confidence: number
}

/** A field's label with a "from resume" mark; hovering it shows the text the value was read from. */
export function EvidenceLabel({ label, evidence }: { label: ReactNode; evidence: FieldEvidence }) {
  const { t } = useTranslation()
  const low = evidence.confidence < 0.7
  return (
    <Group gap={6} wrap="nowrap" component="span" display="inline-flex">
      <span>{label}</span>
      <Tooltip
        multiline
        w={280}
        withArrow
        events={{ hover: true, focus: true, touch: true }}
        label={
          <>
            <Text size="xs" fw={600}>
              {t('splits.resumeImport.evidenceTitle', { percent: Math.round(evidence.confidence * 100) })}
            </Text>
            <Text size="xs" style={{ whiteSpace: 'pre-wrap', unicodeBidi: 'plaintext' }}>
              “{evidence.snippet}”
            </Text>
          </>
        }
      >
        <Badge
          size="xs"
          variant="light"
          color={low ? 'orange' : 'yellow'}
          leftSection={<IconFileText size={10} />}
          tabIndex={0}
          data-testid="evidence-badge"
          style={{ cursor: 'help', textTransform: 'none' }}
        >
          {low ? t('splits.resumeImport.checkThis') : t('splits.resumeImport.fromResume')}
        </Badge>
      </Tooltip>
    </Group>
  )
}

/** Props for an input pre-filled from a resume: the marked label and a highlighted box. */
export function prefilledProps(label: string, evidence: FieldEvidence | null | undefined) {
  if (!evidence) return { label }
  return {
    label: <EvidenceLabel label={label} evidence={evidence} />,
    styles: { input: { backgroundColor: 'var(--mantine-color-yellow-light)' } },
    'data-prefilled': 'true',
  }
}
