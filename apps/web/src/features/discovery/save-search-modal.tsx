import { Button, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, errorMessage } from '../../api/client'
import type { RoleQuery } from '../roles/roles-api'
import { type RoleSort, savedFiltersOf, useCreateSavedSearch } from './discovery-api'

interface SaveSearchModalProps {
  opened: boolean
  onClose: () => void
  query: RoleQuery
  sort: RoleSort
}

/** "Save this search": a name, how often to be told about new matching roles, and how. */
export function SaveSearchModal({ opened, onClose, query, sort }: SaveSearchModalProps) {
  const { t } = useTranslation()
  const create = useCreateSavedSearch()
  const [name, setName] = useState('')
  const [frequency, setFrequency] = useState<'instant' | 'daily' | 'off'>('instant')
  const [channel, setChannel] = useState<'email' | 'in_app'>('email')
  const [error, setError] = useState<string | null>(null)

  const save = () => {
    setError(null)
    create.mutate(
      { name: name.trim(), filters: savedFiltersOf(query), sort, alert_frequency: frequency, channel },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            // notifications render outside the router: words only, the menu leads to the list
            message: t('splits.discovery.save.saved', { name: name.trim() }),
          })
          setName('')
          onClose()
        },
        onError: (e) => {
          const field = e instanceof ApiError ? e.fieldErrors.find((f) => f.field === 'body.name') : undefined
          setError(field ? field.message : errorMessage(e, t))
        },
      },
    )
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('splits.discovery.save.title')}>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          save()
        }}
      >
        <Stack gap="md">
          <TextInput
            label={t('splits.discovery.save.name')}
            placeholder={t('splits.discovery.save.namePlaceholder')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={error}
            maxLength={100}
            required
            data-autofocus
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('splits.discovery.alerts.frequency')}
            </Text>
            <SegmentedControl
              value={frequency}
              onChange={(v) => setFrequency(v as typeof frequency)}
              data={(['instant', 'daily', 'off'] as const).map((v) => ({
                value: v,
                label: t(`splits.discovery.alerts.${v}`),
              }))}
            />
          </Stack>
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('splits.discovery.alerts.channel')}
            </Text>
            <SegmentedControl
              value={channel}
              onChange={(v) => setChannel(v as typeof channel)}
              disabled={frequency === 'off'}
              data={(['email', 'in_app'] as const).map((v) => ({
                value: v,
                label: t(`splits.discovery.alerts.${v}`),
              }))}
            />
          </Stack>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('splits.discovery.save.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
              {t('splits.discovery.save.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
