import { Card, Divider, Stack, Text, Title } from '@mantine/core'
import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/error-alert'
import { RatingSummary } from './rating-summary'
import { ReviewItem } from './review-item'
import { useProfessionalReviews } from './reviews-api'

/** The public page's rating summary and reviews with replies. */
export function ProReviewsSection({ professionalId }: { professionalId: string }) {
  const { t } = useTranslation()
  const reviews = useProfessionalReviews(professionalId)
  if (reviews.isPending) return null
  if (reviews.isError) return <ErrorAlert error={reviews.error} />
  const r = reviews.data
  return (
    <Card withBorder radius="md" data-testid="pro-reviews">
      <Stack gap="md">
        <Title order={2} fz="lg">
          {t('ofairReviews.title')}
        </Title>
        <RatingSummary summary={r.summary} />
        {r.reviews.data.length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('ofairReviews.none')}
          </Text>
        ) : (
          <Stack gap="sm">
            {r.reviews.data.map((review, i) => (
              <Fragment key={review.id}>
                {i > 0 && <Divider />}
                <ReviewItem review={review} />
              </Fragment>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  )
}
