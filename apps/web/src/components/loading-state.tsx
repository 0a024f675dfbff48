import { Center, Group, Loader, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

interface LoadingStateProps {
  label?: string
  /** Minimum height so the layout does not jump when the content arrives. */
  minHeight?: number
}

export function LoadingState({ label, minHeight = 160 }: LoadingStateProps) {
  const { t } = useTranslation()
  return (
    <Center mih={minHeight} role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" />
        <Text c="dimmed" size="sm">
          {label ?? t('common.loading')}
        </Text>
      </Group>
    </Center>
  )
}
