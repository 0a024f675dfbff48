import { Button, Group, Stack, Switch, Table, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../api/client'
import { usePageTitle } from '../../app/use-page-title'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { SectionCard } from '../../components/section-card'
import {
  enablePushOnThisDevice,
  NOTIFY_CHANNELS,
  type NotifyChannel,
  type NotifyPreference,
  useNotifyPreferences,
  useNotifySettings,
  useSaveNotify,
} from './notify-settings-api'

/** /ofair/settings: which events reach me on which channel, quiet hours, marketing, push here. */
export function NotifySettingsPage() {
  const { t } = useTranslation()
  usePageTitle(t('ofair.notifySettings.title'))
  const prefs = useNotifyPreferences()
  const settings = useNotifySettings()
  const save = useSaveNotify()
  const [draft, setDraft] = useState<NotifyPreference[]>([])
  const [quiet, setQuiet] = useState({ enabled: true, start: '22:00', end: '07:00' })
  const [marketing, setMarketing] = useState(false)
  const [pushBusy, setPushBusy] = useState(false)

  useEffect(() => {
    if (prefs.data) setDraft(prefs.data.data)
  }, [prefs.data])
  useEffect(() => {
    if (settings.data) {
      const q = settings.data.quiet_hours
      setQuiet({ enabled: q.enabled, start: q.start, end: q.end })
      setMarketing(settings.data.marketing.opted_in)
    }
  }, [settings.data])

  const toggle = (kind: string, channel: NotifyChannel, on: boolean) =>
    setDraft((all) => all.map((p) => (p.event_type === kind ? { ...p, [channel]: on } : p)))

  const enablePush = async () => {
    if (!settings.data?.push.public_key) return
    setPushBusy(true)
    try {
      const result = await enablePushOnThisDevice(settings.data.push.public_key)
      const message =
        result === 'enabled'
          ? t('ofair.notifySettings.pushEnabled')
          : result === 'denied'
            ? t('ofair.notifySettings.pushDenied')
            : t('ofair.notifySettings.pushUnavailable')
      notifications.show({ color: result === 'enabled' ? 'teal' : 'orange', message })
      await settings.refetch()
    } catch (err) {
      notifications.show({ color: 'red', message: errorMessage(err, t) })
    } finally {
      setPushBusy(false)
    }
  }

  if (prefs.isPending || settings.isPending) return <LoadingState />
  if (prefs.isError) return <ErrorAlert error={prefs.error} onRetry={() => prefs.refetch()} />
  if (settings.isError) return <ErrorAlert error={settings.error} onRetry={() => settings.refetch()} />

  return (
    <Stack>
      <PageHeader
        title={t('ofair.notifySettings.title')}
        description={t('ofair.notifySettings.description')}
      />
      <SectionCard title={t('ofair.notifySettings.events')}>
        <Table.ScrollContainer minWidth={300}>
          <Table verticalSpacing="xs" horizontalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                {NOTIFY_CHANNELS.map((c) => (
                  <Table.Th key={c} ta="center" fz="xs">
                    {t(`ofair.notifySettings.channels.${c}`)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {draft.flatMap((p) => [
                // the event's name on a row of its own, its five switches under it: fits a phone
                <Table.Tr key={`${p.event_type}-label`} bg="var(--mantine-color-gray-0)">
                  <Table.Td colSpan={NOTIFY_CHANNELS.length}>
                    <Text size="sm" fw={500}>
                      {p.label}
                    </Text>
                  </Table.Td>
                </Table.Tr>,
                <Table.Tr key={p.event_type}>
                  {NOTIFY_CHANNELS.map((c) => (
                    <Table.Td key={c}>
                      <Group justify="center">
                        <Switch
                          size="xs"
                          checked={p[c]}
                          onChange={(e) => toggle(p.event_type, c, e.currentTarget.checked)}
                          aria-label={t('ofair.notifySettings.channelFor', {
                            channel: t(`ofair.notifySettings.channels.${c}`),
                            event: p.label,
                          })}
                        />
                      </Group>
                    </Table.Td>
                  ))}
                </Table.Tr>,
              ])}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </SectionCard>

      <SectionCard title={t('ofair.notifySettings.quietTitle')}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('ofair.notifySettings.quietDescription')}
          </Text>
          <Switch
            label={t('ofair.notifySettings.quietEnabled')}
            checked={quiet.enabled}
            onChange={(e) => setQuiet({ ...quiet, enabled: e.currentTarget.checked })}
          />
          <Group grow>
            <TextInput
              type="time"
              dir="ltr"
              label={t('ofair.notifySettings.quietStart')}
              value={quiet.start}
              disabled={!quiet.enabled}
              onChange={(e) => setQuiet({ ...quiet, start: e.currentTarget.value })}
            />
            <TextInput
              type="time"
              dir="ltr"
              label={t('ofair.notifySettings.quietEnd')}
              value={quiet.end}
              disabled={!quiet.enabled}
              onChange={(e) => setQuiet({ ...quiet, end: e.currentTarget.value })}
            />
          </Group>
        </Stack>
      </SectionCard>

      <SectionCard title={t('ofair.notifySettings.marketingTitle')}>
        <Stack gap="xs">
          <Switch
            label={t('ofair.notifySettings.marketingOptIn')}
            checked={marketing}
            onChange={(e) => setMarketing(e.currentTarget.checked)}
          />
          {settings.data.marketing.opted_in && settings.data.marketing.opted_in_at && (
            <Text size="xs" c="dimmed">
              {t('ofair.notifySettings.marketingSince', {
                date: new Date(settings.data.marketing.opted_in_at).toLocaleString('he-IL'),
              })}
            </Text>
          )}
        </Stack>
      </SectionCard>

      <SectionCard title={t('ofair.notifySettings.pushTitle')}>
        <Group justify="space-between">
          <Text size="sm">
            {t('ofair.notifySettings.pushOn', { count: settings.data.push.subscriptions })}
          </Text>
          <Button
            variant="light"
            loading={pushBusy}
            disabled={!settings.data.push.public_key}
            onClick={enablePush}
          >
            {t('ofair.notifySettings.pushEnable')}
          </Button>
        </Group>
      </SectionCard>

      <Group justify="flex-end">
        <Button
          loading={save.isPending}
          onClick={() =>
            save.mutate(
              { preferences: draft, settings: { quiet_hours: quiet, marketing_opt_in: marketing } },
              {
                onSuccess: () =>
                  notifications.show({ color: 'teal', message: t('ofair.notifySettings.saved') }),
                onError: (err) => notifications.show({ color: 'red', message: errorMessage(err, t) }),
              },
            )
          }
        >
          {t('ofair.notifySettings.save')}
        </Button>
      </Group>
    </Stack>
  )
}
