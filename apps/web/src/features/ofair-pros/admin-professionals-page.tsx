import { Anchor, Button, Card, Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { usePageTitle } from '../../app/use-page-title'
import { EmptyState } from '../../components/empty-state'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { LtrText } from '../../components/ltr-text'
import { PageHeader } from '../../components/page-header'
import { usePendingProfessionals, useVerifyProfessional } from '../ofair-leads/ofair-api'

/** The admin's verification queue: business number and certificates, then verify or reject. */
export function AdminProfessionalsPage() {
  const { t } = useTranslation()
  usePageTitle(t('ofair.admin.prosTitle'))
  const pending = usePendingProfessionals(true)
  const verify = useVerifyProfessional()
  return (
    <>
      <PageHeader title={t('ofair.admin.prosTitle')} description={t('ofair.admin.prosDescription')} />
      {verify.isError && <ErrorAlert error={verify.error} />}
      {pending.isPending ? (
        <LoadingState />
      ) : pending.isError ? (
        <ErrorAlert error={pending.error} />
      ) : pending.data.data.length === 0 ? (
        <EmptyState title={t('ofair.admin.noPending')} />
      ) : (
        <Stack gap="sm">
          {pending.data.data.map((p) => (
            <Card key={p.id} withBorder radius="md" data-testid="pending-pro">
              <Stack gap={6}>
                <Group justify="space-between">
                  <Anchor component={Link} to={`/ofair/pros/${p.id}`} fw={600}>
                    {p.display_name}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {p.profession.name} · {p.base_locality.name}
                  </Text>
                </Group>
                <Group gap="xs">
                  <Text size="sm">{t(`ofair.profile.businessTypes.${p.business_type}`)}:</Text>
                  <LtrText size="sm">{p.business_number}</LtrText>
                </Group>
                {p.certificates.map((c) => (
                  <Anchor key={c.id} href={c.url} target="_blank" size="sm">
                    {c.title}
                  </Anchor>
                ))}
                <Group justify="flex-end" gap="xs">
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => verify.mutate({ id: p.id, decision: 'rejected' })}
                  >
                    {t('ofair.admin.reject')}
                  </Button>
                  <Button size="xs" onClick={() => verify.mutate({ id: p.id, decision: 'verified' })}>
                    {t('ofair.admin.verify')}
                  </Button>
                </Group>
              </Stack>
            </Card>
          ))}
        </Stack>
      )}
    </>
  )
}
