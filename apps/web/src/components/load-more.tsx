import { Button, Group, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

interface LoadMoreProps {
  /** "Showing 25 applications": how many rows are on screen. */
  shown: string
  hasMore: boolean
  loading: boolean
  onLoadMore: () => void
}

/** The foot of a paged list: how many are shown and, while the API says has_more, a "Load more" button. */
export function LoadMore({ shown, hasMore, loading, onLoadMore }: LoadMoreProps) {
  const { t } = useTranslation()
  return (
    <Group justify="space-between" gap="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {shown}
      </Text>
      {hasMore && (
        <Button variant="default" onClick={onLoadMore} loading={loading}>
          {t('common.loadMore')}
        </Button>
      )}
    </Group>
  )
}
