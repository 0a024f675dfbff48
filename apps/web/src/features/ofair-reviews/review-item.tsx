import { Badge, Box, Group, Paper, Rating, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { PublicReview } from './reviews-api'

/** One review as text (never HTML) with the professional's reply under it. */
export function ReviewItem({ review, hidden }: { review: PublicReview; hidden?: boolean }) {
  const { t } = useTranslation()
  return (
    <Stack gap={6} data-testid="review">
      <Group justify="space-between" gap="xs">
        <Group gap="xs">
          <Rating value={review.rating} readOnly size="sm" />
          <Text size="sm" fw={600}>
            {review.reviewer}
          </Text>
          {hidden && <Badge color="gray">{t('ofairReviews.hiddenBadge')}</Badge>}
        </Group>
        <Text size="xs" c="dimmed">
          {new Date(review.created_at).toLocaleDateString('he-IL')}
        </Text>
      </Group>
      {review.body && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {review.body}
        </Text>
      )}
      {review.reply && (
        <Paper withBorder p="xs" radius="sm" bg="gray.0" data-testid="review-reply">
          <Box>
            <Text size="xs" fw={600} c="dimmed">
              {t('ofairReviews.replyTitle')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {review.reply.body}
            </Text>
          </Box>
        </Paper>
      )}
    </Stack>
  )
}
