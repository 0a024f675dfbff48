import { Button, Group, Stack, Switch, Table, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconBellOff } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage, isAuthError } from '../../api/client'
import { usePageTitle } from '../../app/use-page-title'
import { EmptyState } from '../../components/empty-state'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { SectionCard } from '../../components/section-card'
import { SignInRequiredAlert } from '../../components/sign-in-required-alert'
import {
  type Preference,
  type PreferenceInput,
  usePreferences,
  useSavePreferences,
} from './notifications-api'

type Channel = 'in_app' | 'email'

/** Which events reach me, in the app (the bell) and by email. */
export function PreferencesPage() {
  const { t } = useTranslation()
  usePageTitle(t('splits.notifications.preferencesTitle'))
  const preferences = usePreferences()
  const save = useSavePreferences()
  const [draft, setDraft] = useState<Preference[]>([])
  const authError = isAuthError(preferences.error) ? preferences.error : undefined
  const saved = preferences.data?.data

  useEffect(() => {
    if (saved) setDraft(saved)
  }, [saved])

  const dirty = saved !== undefined && JSON.stringify(saved) !== JSON.stringify(draft)
  const toggle = (eventType: string, channel: Channel, value: boolean) =>
    setDraft((all) => all.map((p) => (p.event_type === eventType ? { ...p, [channel]: value } : p)))

  return (
    <>
      <PageHeader
        title={t('splits.notifications.preferencesTitle')}
        description={t('splits.notifications.preferencesDescription')}
      />
      {authError && (
        <SignInRequiredAlert error={authError} title={t('splits.notifications.signInRequired')} />
      )}
      {preferences.isPending && <LoadingState />}
      {preferences.isError && !authError && (
        <ErrorAlert error={preferences.error} onRetry={() => preferences.refetch()} />
      )}
      {preferences.isSuccess && (
        <SectionCard title={t('splits.notifications.events')}>
          {draft.length === 0 ? (
            <EmptyState
              icon={<IconBellOff size={28} stroke={1.5} />}
              title={t('splits.notifications.noEvents')}
            />
          ) : (
            <Stack>
              <Table.ScrollContainer minWidth={480}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('splits.notifications.event')}</Table.Th>
                      <Table.Th ta="center" w={110}>
                        {t('splits.notifications.inApp')}
                      </Table.Th>
                      <Table.Th ta="center" w={110}>
                        {t('splits.notifications.email')}
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {draft.map((p) => (
                      <Table.Tr key={p.event_type}>
                        <Table.Td>
                          <Text size="sm">{p.label}</Text>
                        </Table.Td>
                        {(['in_app', 'email'] as const).map((channel) => (
                          <Table.Td key={channel}>
                            <Group justify="center">
                              <Switch
                                checked={p[channel]}
                                onChange={(event) =>
                                  toggle(p.event_type, channel, event.currentTarget.checked)
                                }
                                aria-label={t(
                                  channel === 'in_app'
                                    ? 'splits.notifications.inAppFor'
                                    : 'splits.notifications.emailFor',
                                  { event: p.label },
                                )}
                              />
                            </Group>
                          </Table.Td>
                        ))}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Group justify="flex-end">
                <Button variant="default" disabled={!dirty} onClick={() => saved && setDraft(saved)}>
                  {t('splits.notifications.reset')}
                </Button>
                <Button
                  disabled={!dirty}
                  loading={save.isPending}
                  onClick={() =>
                    save.mutate(
                      draft.map(({ event_type, in_app, email }) => ({
                        event_type: event_type as PreferenceInput['event_type'],
                        in_app,
                        email,
                      })),
                      {
                        onSuccess: () =>
                          notifications.show({ color: 'teal', message: t('splits.notifications.saved') }),
                        onError: (err) => notifications.show({ color: 'red', message: errorMessage(err, t) }),
                      },
                    )
                  }
                >
                  {t('splits.notifications.save')}
                </Button>
              </Group>
            </Stack>
          )}
        </SectionCard>
      )}
    </>
  )
}
