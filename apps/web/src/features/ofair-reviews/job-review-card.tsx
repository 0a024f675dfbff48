import { Button, Card, Group, Rating, Stack, Text, Textarea, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/error-alert'
import { ReviewItem } from './review-item'
import { type JobReview, useJobReview, useRateJob, useReplyToReview } from './reviews-api'

/**
 * On the lead page after the job is confirmed: the owner's "rate this job" form, then the review;
 * the performer's reply box under it.
 */
export function JobReviewCard({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation()
  const review = useJobReview(proposalId)
  if (review.isPending || review.isError) return null
  const r = review.data
  if (!r.review && !r.can_review) return null
  return (
    <Card withBorder radius="md" padding="md" data-testid="job-review">
      <Stack gap="sm">
        <Title order={2} fz="lg">
          {r.review ? t('ofairReviews.jobTitle') : t('ofairReviews.rateTitle')}
        </Title>
        {r.can_review && <RateForm proposalId={proposalId} />}
        {r.review && <ReviewItem review={r.review} hidden={r.review.hidden} />}
        {r.can_reply && r.review && <ReplyBox review={r.review} />}
      </Stack>
    </Card>
  )
}

function RateForm({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation()
  const [rating, setRating] = useState(0)
  const [body, setBody] = useState('')
  const rate = useRateJob(proposalId, () => ({ rating, body }))
  return (
    <Stack gap="xs" data-testid="rate-form">
      <Text size="sm">{t('ofairReviews.rateText')}</Text>
      <Rating value={rating} onChange={setRating} size="lg" aria-label={t('ofairReviews.stars')} />
      <Textarea
        label={t('ofairReviews.bodyLabel')}
        description={t('ofairReviews.bodyHint')}
        maxLength={1000}
        autosize
        minRows={3}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
      />
      {rate.isError && <ErrorAlert error={rate.error} />}
      <Group>
        <Button disabled={rating < 1} loading={rate.isPending} onClick={() => rate.mutate()}>
          {t('ofairReviews.submit')}
        </Button>
      </Group>
    </Stack>
  )
}

function ReplyBox({ review }: { review: NonNullable<JobReview['review']> }) {
  const { t } = useTranslation()
  const [body, setBody] = useState('')
  const reply = useReplyToReview(review.id, () => body)
  return (
    <Stack gap="xs" data-testid="reply-box">
      <Textarea
        label={t('ofairReviews.replyLabel')}
        description={t('ofairReviews.replyHint')}
        maxLength={1000}
        autosize
        minRows={2}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
      />
      {reply.isError && <ErrorAlert error={reply.error} />}
      <Group>
        <Button disabled={!body.trim()} loading={reply.isPending} onClick={() => reply.mutate()}>
          {t('ofairReviews.replySubmit')}
        </Button>
      </Group>
    </Stack>
  )
}
