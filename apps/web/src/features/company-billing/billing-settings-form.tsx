import { Alert, Button, Group, Radio, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, errorMessage } from '../../api/client'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { QueryError } from '../../components/query-error'
import { type BillingSettings, useBillingSettings, useSaveBillingSettings } from '../billing/billing-api'
import { useVocab } from '../reference/use-vocab'

type Choice = Pick<BillingSettings, 'invoice_grouping' | 'issue_on' | 'fall_off_policy'>

/** How the company is invoiced and what a fall-off does with money paid. Saves against `version`. */
export function BillingSettingsSection({ companyId }: { companyId: string }) {
  const { t } = useTranslation()
  const settings = useBillingSettings(companyId)
  if (settings.isPending) return <LoadingState />
  if (settings.isError)
    return (
      <QueryError
        error={settings.error}
        signInTitle={t('splits.billing.signInRequired')}
        onRetry={() => settings.refetch()}
      />
    )
  // A new version (saved here, or reloaded after a conflict) starts the form again from the server's values.
  return (
    <BillingSettingsForm
      key={`${settings.data.version}:${settings.dataUpdatedAt}`}
      companyId={companyId}
      settings={settings.data}
      onReload={() => settings.refetch()}
    />
  )
}

function BillingSettingsForm({
  companyId,
  settings,
  onReload,
}: {
  companyId: string
  settings: BillingSettings
  onReload: () => void
}) {
  const { t } = useTranslation()
  const { label } = useVocab()
  const save = useSaveBillingSettings(companyId, {
    onDone: () => notifications.show({ color: 'teal', message: t('splits.billingSettings.saved') }),
  })
  const [value, setValue] = useState<Choice>({
    invoice_grouping: settings.invoice_grouping,
    issue_on: settings.issue_on,
    fall_off_policy: settings.fall_off_policy,
  })
  const changed =
    value.invoice_grouping !== settings.invoice_grouping ||
    value.issue_on !== settings.issue_on ||
    value.fall_off_policy !== settings.fall_off_policy
  const conflict = save.error instanceof ApiError && save.error.code === 'version_conflict'

  const group = <K extends keyof Choice>(
    key: K,
    title: string,
    help: string,
    options: { code: Choice[K]; vocab: 'invoiceGrouping' | 'issueOn' | 'fallOffPolicy'; hint: string }[],
  ) => (
    <Radio.Group
      label={title}
      description={help}
      value={value[key]}
      onChange={(v) => setValue((all) => ({ ...all, [key]: v as Choice[K] }))}
    >
      <Stack gap="xs" mt="xs">
        {options.map((o) => (
          <Radio key={o.code} value={o.code} label={label(o.vocab, o.code)} description={o.hint} />
        ))}
      </Stack>
    </Radio.Group>
  )

  return (
    <Stack gap="lg" maw={640}>
      {group(
        'invoice_grouping',
        t('splits.billingSettings.grouping'),
        t('splits.billingSettings.groupingHelp'),
        [
          {
            code: 'per_placement',
            vocab: 'invoiceGrouping',
            hint: t('splits.billingSettings.perPlacementHint'),
          },
          { code: 'monthly', vocab: 'invoiceGrouping', hint: t('splits.billingSettings.monthlyHint') },
        ],
      )}
      {group('issue_on', t('splits.billingSettings.issueOn'), t('splits.billingSettings.issueOnHelp'), [
        { code: 'hire', vocab: 'issueOn', hint: t('splits.billingSettings.hireHint') },
        { code: 'guarantee_end', vocab: 'issueOn', hint: t('splits.billingSettings.guaranteeEndHint') },
      ])}
      {group(
        'fall_off_policy',
        t('splits.billingSettings.fallOff'),
        t('splits.billingSettings.fallOffHelp'),
        [
          { code: 'refund', vocab: 'fallOffPolicy', hint: t('splits.billingSettings.refundHint') },
          { code: 'credit', vocab: 'fallOffPolicy', hint: t('splits.billingSettings.creditHint') },
        ],
      )}
      {conflict ? (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          title={t('splits.billingSettings.conflictTitle')}
        >
          <Stack gap="xs">
            <Text size="sm">{errorMessage(save.error, t)}</Text>
            <Group>
              <Button size="xs" variant="light" leftSection={<IconRefresh size={14} />} onClick={onReload}>
                {t('splits.billingSettings.reload')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : (
        save.isError && <ErrorAlert error={save.error} />
      )}
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {settings.version === 0
            ? t('splits.billingSettings.defaults')
            : t('splits.billingSettings.version', { version: settings.version })}
        </Text>
        <Button
          disabled={!changed || conflict}
          loading={save.isPending}
          onClick={() => save.mutate({ ...value, version: settings.version })}
        >
          {t('splits.billingSettings.save')}
        </Button>
      </Group>
    </Stack>
  )
}
