import { Button, Card, Group, Modal, NumberInput, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { unwrap } from '../../api/use-api'
import { ErrorAlert } from '../../components/error-alert'
import { useLeadPayment } from '../ofair-wallet/wallet-api'
import { type Lead, shekels, useOfairMutation } from './ofair-api'

/** The owner closes the lead: cancels an open one, or marks the accepted job done with its final amount. */
export function OwnerActions({ lead }: { lead: Lead }) {
  const { t } = useTranslation()
  const [completing, setCompleting] = useState(false)
  const [amount, setAmount] = useState<number | string>('')
  // once the performer marked the job done, the owner confirms or disputes it (the settlement card)
  const payment = useLeadPayment(lead.id, lead.status === 'pending')
  const cancel = useOfairMutation(() =>
    unwrap(
      api.POST('/api/ofair/leads/{id}/cancel', {
        params: { path: { id: lead.id } },
        body: { version: lead.version },
      }),
    ),
  )
  const complete = useOfairMutation(() =>
    unwrap(
      api.POST('/api/ofair/leads/{id}/complete', {
        params: { path: { id: lead.id } },
        body: { final_amount: shekels(Number(amount)) },
      }),
    ),
  )
  if (lead.status === 'closed') return null
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="xs">
        <Title order={2} fz="lg">
          {t('ofair.owner.title')}
        </Title>
        {cancel.isError && <ErrorAlert error={cancel.error} />}
        <Group gap="xs">
          {lead.status === 'pending' && payment.data === null && (
            <Button onClick={() => setCompleting(true)}>{t('ofair.owner.complete')}</Button>
          )}
          <Button variant="default" color="red" loading={cancel.isPending} onClick={() => cancel.mutate()}>
            {t('ofair.owner.cancel')}
          </Button>
        </Group>
      </Stack>
      <Modal opened={completing} onClose={() => setCompleting(false)} title={t('ofair.owner.complete')}>
        <Stack>
          <Text size="sm">{t('ofair.owner.completeText')}</Text>
          <NumberInput
            label={t('ofair.lead.finalAmount')}
            min={1}
            thousandSeparator=","
            suffix=" ₪"
            value={amount}
            onChange={setAmount}
          />
          {complete.isError && <ErrorAlert error={complete.error} />}
          <Group justify="flex-end">
            <Button
              disabled={!(Number(amount) > 0)}
              loading={complete.isPending}
              onClick={() => complete.mutate(undefined, { onSuccess: () => setCompleting(false) })}
            >
              {t('ofair.owner.completeConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  )
}
