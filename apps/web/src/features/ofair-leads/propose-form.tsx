import { Button, Card, Group, NumberInput, Stack, Textarea, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/error-alert'
import { shekels, usePropose } from './ofair-api'

/** A professional's proposal on a lead: price, description and a date. */
export function ProposeForm({ leadId }: { leadId: string }) {
  const { t } = useTranslation()
  const [price, setPrice] = useState<number | string>('')
  const [description, setDescription] = useState('')
  const [date, setDate] = useState('')
  const propose = usePropose(leadId)
  return (
    <Card withBorder radius="md" padding="md">
      <form
        onSubmit={(e) => {
          e.preventDefault()
          propose.mutate({
            price: shekels(Number(price)),
            description,
            ...(date ? { scheduled_date: date } : {}),
          })
        }}
      >
        <Stack gap="sm">
          <Title order={2} fz="lg">
            {t('ofair.propose.title')}
          </Title>
          <NumberInput
            label={t('ofair.propose.price')}
            required
            min={1}
            thousandSeparator=","
            suffix=" ₪"
            value={price}
            onChange={setPrice}
          />
          <Textarea
            label={t('ofair.propose.description')}
            required
            autosize
            minRows={3}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('ofair.propose.date')}
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
          />
          {propose.isError && <ErrorAlert error={propose.error} />}
          <Group justify="flex-end">
            <Button type="submit" loading={propose.isPending}>
              {t('ofair.propose.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  )
}
