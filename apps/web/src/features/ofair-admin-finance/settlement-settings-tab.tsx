import { Button, Card, Group, NumberInput, SegmentedControl, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { unwrap } from '../../api/use-api'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'

const KEY = ['ofair', 'admin', 'finance', 'settings'] as const

/**
 * How OFAIR settles jobs: B2B (customers pay professionals; the ledger books what each owes) or
 * captured (the platform collects and pays out after the hold period), and how long that hold is.
 * A change applies to jobs confirmed from now on; each job keeps the rule version it was made with.
 */
export function SettlementSettingsTab() {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const settings = useQuery({
    queryKey: KEY,
    queryFn: ({ signal }) => unwrap(api.GET('/api/ofair/admin/settlement-settings', { signal })),
  })
  const [mode, setMode] = useState<'b2b' | 'captured'>('b2b')
  const [holdDays, setHoldDays] = useState<number | string>(7)
  useEffect(() => {
    if (settings.data) {
      setMode(settings.data.settlement_mode)
      setHoldDays(settings.data.hold_days)
    }
  }, [settings.data])
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/ofair/admin/settlement-settings', {
          body: { settlement_mode: mode, hold_days: Number(holdDays) },
        }),
      ),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('ofair.finance.settings.saved') })
      return queryClient.invalidateQueries({ queryKey: KEY })
    },
  })
  if (settings.isPending) return <LoadingState />
  if (settings.isError) return <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />
  const s = settings.data
  return (
    <Card withBorder radius="md" padding="md" maw={640}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          save.mutate()
        }}
      >
        <Stack gap="md">
          <Title order={2} fz="lg">
            {t('ofair.finance.settings.title')}
          </Title>
          {save.isError && <ErrorAlert error={save.error} />}
          <Stack gap={4}>
            <Text size="sm" fw={500} id="settlement-mode-label">
              {t('ofair.finance.settings.mode')}
            </Text>
            <SegmentedControl
              aria-labelledby="settlement-mode-label"
              value={mode}
              onChange={(v) => setMode(v as 'b2b' | 'captured')}
              data={[
                { value: 'b2b', label: t('ofair.finance.settings.b2b') },
                { value: 'captured', label: t('ofair.finance.settings.captured') },
              ]}
            />
            <Text size="xs" c="dimmed">
              {mode === 'b2b'
                ? t('ofair.finance.settings.b2bHelp')
                : t('ofair.finance.settings.capturedHelp')}
            </Text>
          </Stack>
          <NumberInput
            label={t('ofair.finance.settings.holdDays')}
            description={t('ofair.finance.settings.holdDaysHelp')}
            min={0}
            max={90}
            allowDecimal={false}
            value={holdDays}
            onChange={setHoldDays}
          />
          <Text size="sm" c="dimmed">
            {t('ofair.finance.settings.subscriberRates', {
              consumer: s.subscriber_consumer_commission_percentage,
              professional: s.subscriber_professional_commission_percentage,
            })}{' '}
            · {t('ofair.finance.settings.ruleVersion')}{' '}
            <bdi dir="ltr" style={{ whiteSpace: 'nowrap' }}>
              {s.rule_version}
            </bdi>
          </Text>
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t('ofair.finance.settings.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  )
}
