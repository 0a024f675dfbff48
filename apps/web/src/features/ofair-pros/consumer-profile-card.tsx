import { Button, Card, Group, MultiSelect, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { unwrap } from '../../api/use-api'
import { ErrorAlert } from '../../components/error-alert'
import { LocalitySelect } from '../ofair-leads/locality-select'

type Hours = 'morning' | 'afternoon' | 'evening' | 'any'
type Channel = 'sms' | 'email' | 'push'

/** A consumer's own address and how they like to be contacted (theirs only, by row-level security). */
export function ConsumerProfileCard() {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const profile = useQuery({
    queryKey: ['ofair', 'consumer-profile'],
    queryFn: ({ signal }) => unwrap(api.GET('/api/ofair/me/consumer-profile', { signal })),
  })
  const [locality, setLocality] = useState<number | null>(null)
  const [street, setStreet] = useState('')
  const [hours, setHours] = useState<string | null>('any')
  const [channels, setChannels] = useState<string[]>(['sms'])
  useEffect(() => {
    if (!profile.data) return
    setLocality(profile.data.locality?.id ?? null)
    setStreet(profile.data.street ?? '')
    setHours(profile.data.preferences.contact_hours ?? 'any')
    setChannels(profile.data.preferences.notify_by ?? ['sms'])
  }, [profile.data])
  const save = useMutation({
    mutationFn: () =>
      unwrap(
        api.PUT('/api/ofair/me/consumer-profile', {
          body: {
            locality_id: locality,
            street: street.trim() || null,
            preferences: { contact_hours: (hours ?? 'any') as Hours, notify_by: channels as Channel[] },
            ...(profile.data ? { version: profile.data.version } : {}),
          },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['ofair', 'consumer-profile'] }),
  })
  return (
    <Card withBorder radius="md" mt="md">
      <Stack gap="sm">
        <Title order={2} fz="lg">
          {t('ofair.consumer.title')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <LocalitySelect
            label={t('ofair.create.locality')}
            value={locality}
            initialName={profile.data?.locality?.name}
            onChange={(id) => setLocality(id)}
          />
          <TextInput
            label={t('ofair.create.street')}
            value={street}
            onChange={(e) => setStreet(e.currentTarget.value)}
          />
          <Select
            label={t('ofair.consumer.hours')}
            data={(['morning', 'afternoon', 'evening', 'any'] as const).map((h) => ({
              value: h,
              label: t(`ofair.consumer.hoursOptions.${h}`),
            }))}
            value={hours}
            onChange={setHours}
          />
          <MultiSelect
            label={t('ofair.consumer.channels')}
            data={(['sms', 'email', 'push'] as const).map((c) => ({
              value: c,
              label: t(`ofair.consumer.channelOptions.${c}`),
            }))}
            value={channels}
            onChange={setChannels}
          />
        </SimpleGrid>
        {save.isError && <ErrorAlert error={save.error} />}
        <Group justify="flex-end">
          <Button variant="light" loading={save.isPending} onClick={() => save.mutate()}>
            {save.isSuccess ? t('ofair.profile.saved') : t('ofair.profile.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  )
}
