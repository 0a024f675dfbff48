import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { usePageTitle } from '../../app/use-page-title'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { ReviewItem } from './review-item'
import {
  type AdminReview,
  useAdminReviews,
  useModerateReview,
  useReviewSettings,
  useUpdateReviewSettings,
} from './reviews-api'

/** Admins moderate reviews: hide an abusive one or show it again, with a reason (audited). */
export function AdminReviewsPage() {
  const { t } = useTranslation()
  usePageTitle(t('ofairReviews.admin.title'))
  const [status, setStatus] = useState<'all' | 'visible' | 'hidden'>('all')
  const reviews = useAdminReviews(status)
  const [acting, setActing] = useState<AdminReview | null>(null)
  return (
    <Stack gap="md">
      <Title order={1} fz={{ base: 24, sm: 28 }}>
        {t('ofairReviews.admin.title')}
      </Title>
      <DisplaySetting />
      <SegmentedControl
        value={status}
        onChange={(v) => setStatus(v as typeof status)}
        data={(['all', 'visible', 'hidden'] as const).map((s) => ({
          value: s,
          label: t(`ofairReviews.admin.filter.${s}`),
        }))}
      />
      {reviews.isPending ? (
        <LoadingState />
      ) : reviews.isError ? (
        <ErrorAlert error={reviews.error} />
      ) : reviews.data.data.length === 0 ? (
        <Text c="dimmed">{t('ofairReviews.none')}</Text>
      ) : (
        <Stack gap="sm" data-testid="admin-reviews">
          {reviews.data.data.map((r) => (
            <Card key={r.id} withBorder radius="md" padding="sm" data-testid="admin-review">
              <Stack gap="xs">
                <Group justify="space-between" gap="xs">
                  <Anchor component={Link} to={`/ofair/pros/${r.professional.id}`} size="sm" fw={600}>
                    {r.professional.display_name}
                  </Anchor>
                  <Group gap="xs">
                    {r.hidden && <Badge color="red">{t('ofairReviews.hiddenBadge')}</Badge>}
                    <Button
                      size="compact-sm"
                      variant={r.hidden ? 'light' : 'outline'}
                      color={r.hidden ? 'teal' : 'red'}
                      onClick={() => setActing(r)}
                    >
                      {r.hidden ? t('ofairReviews.admin.unhide') : t('ofairReviews.admin.hide')}
                    </Button>
                  </Group>
                </Group>
                <ReviewItem review={r} />
                {r.hidden && r.hidden_reason && (
                  <Text size="xs" c="red">
                    {t('ofairReviews.admin.reason')}: {r.hidden_reason}
                  </Text>
                )}
              </Stack>
            </Card>
          ))}
        </Stack>
      )}
      {acting && <ModerateModal review={acting} onClose={() => setActing(null)} />}
    </Stack>
  )
}

function ModerateModal({ review, onClose }: { review: AdminReview; onClose: () => void }) {
  const { t } = useTranslation()
  const [reason, setReason] = useState('')
  const moderate = useModerateReview()
  const action = review.hidden ? 'unhide' : 'hide'
  return (
    <Modal opened onClose={onClose} title={t(`ofairReviews.admin.${action}Title`)} centered>
      <Stack gap="sm">
        <Textarea
          label={t('ofairReviews.admin.reason')}
          description={t('ofairReviews.admin.reasonHint')}
          maxLength={500}
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          data-autofocus
        />
        {moderate.isError && <ErrorAlert error={moderate.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('ofairReviews.admin.cancel')}
          </Button>
          <Button
            color={action === 'hide' ? 'red' : 'teal'}
            disabled={!reason.trim()}
            loading={moderate.isPending}
            onClick={() => moderate.mutate({ id: review.id, action, reason }, { onSuccess: onClose })}
          >
            {t(`ofairReviews.admin.${action}`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

function DisplaySetting() {
  const { t } = useTranslation()
  const settings = useReviewSettings()
  const update = useUpdateReviewSettings()
  if (!settings.data) return null
  return (
    <Group gap="sm" align="flex-end">
      <Select
        label={t('ofairReviews.admin.display')}
        value={settings.data.display_mode}
        allowDeselect={false}
        data={[
          { value: 'first_name_city', label: t('ofairReviews.admin.displayFirstNameCity') },
          { value: 'anonymous', label: t('ofairReviews.admin.displayAnonymous') },
        ]}
        onChange={(v) =>
          v &&
          update.mutate({
            display_mode: v as 'first_name_city' | 'anonymous',
            version: settings.data.version,
          })
        }
        w={260}
      />
      {update.isError && <ErrorAlert error={update.error} />}
    </Group>
  )
}
