import { Checkbox, Group, Paper, Select, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useVocab } from '../reference/use-vocab'
import type { ConsentMethod } from './candidate-form-values'

interface ConsentFieldsProps {
  name: string
  checked: boolean
  onCheckedChange: (checked: boolean) => void
  method: ConsentMethod
  onMethodChange: (method: ConsentMethod) => void
  error?: string | undefined
}

const METHODS: ConsentMethod[] = ['email', 'written', 'verbal', 'portal']

/** The person's consent to be represented and to have their details shared (recorded with how it was given). */
export function ConsentFields({
  name,
  checked,
  onCheckedChange,
  method,
  onMethodChange,
  error,
}: ConsentFieldsProps) {
  const { t } = useTranslation()
  const { options } = useVocab()
  return (
    <Paper withBorder p="sm" radius="md" bg={checked ? 'var(--mantine-color-teal-light)' : undefined}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Checkbox
          label={t('splits.consent.label', { name: name.trim() || t('splits.consent.thisPerson') })}
          description={t('splits.consent.hint')}
          checked={checked}
          onChange={(event) => onCheckedChange(event.currentTarget.checked)}
          error={error}
          style={{ flex: 1, minWidth: 220 }}
        />
        <Select
          aria-label={t('splits.consent.method')}
          data={options('consentMethods', METHODS)}
          value={method}
          onChange={(value) => value && onMethodChange(value as ConsentMethod)}
          allowDeselect={false}
          disabled={!checked}
          w={180}
        />
      </Group>
      {!checked && (
        <Text size="xs" c="dimmed" mt={6}>
          {t('splits.consent.required')}
        </Text>
      )}
    </Paper>
  )
}
