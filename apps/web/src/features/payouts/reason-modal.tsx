import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/error-alert'

/** Asks for one line of text (a reason, a bank reference) before a money action; shows a refusal in place. */
export function ReasonModal({
  opened,
  title,
  body,
  label,
  confirm,
  color,
  loading,
  error,
  onClose,
  onConfirm,
}: {
  opened: boolean
  title: string
  body?: string
  label: string
  confirm: string
  color?: string
  loading: boolean
  error: unknown
  onClose: () => void
  onConfirm: (text: string) => void
}) {
  const { t } = useTranslation()
  const [text, setText] = useState('')
  return (
    <Modal
      opened={opened}
      onClose={() => {
        setText('')
        onClose()
      }}
      title={title}
      centered
    >
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (text.trim()) onConfirm(text.trim())
        }}
      >
        <Stack>
          {body && (
            <Text size="sm" c="dimmed">
              {body}
            </Text>
          )}
          {error ? <ErrorAlert error={error} /> : null}
          <TextInput
            label={label}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            required
            maxLength={500}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('payouts.actions.back')}
            </Button>
            <Button type="submit" color={color} loading={loading} disabled={!text.trim()}>
              {confirm}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
