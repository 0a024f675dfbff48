import {
  Anchor,
  Button,
  Card,
  FileInput,
  Group,
  NumberInput,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import { unwrap } from '../../api/use-api'
import { ErrorAlert } from '../../components/error-alert'
import { type Proposal, shekels, useOfairMutation, usePropose } from './ofair-api'
import { type StoredFile, uploadFile } from './upload-file'

/** A professional's proposal on a lead: price, description, a date and photos; or the edit of one. */
export function ProposeForm({
  leadId,
  existing,
  onDone,
}: {
  leadId: string
  existing?: Proposal
  onDone?: () => void
}) {
  const { t } = useTranslation()
  const [price, setPrice] = useState<number | string>(
    existing ? Number(BigInt(existing.price.amount) / 100n) : '',
  )
  const [description, setDescription] = useState(existing?.description ?? '')
  const [date, setDate] = useState(existing?.scheduled_date ?? '')
  const [media, setMedia] = useState<StoredFile[]>([])
  const [uploadError, setUploadError] = useState<unknown>(null)
  const propose = usePropose(leadId)
  const edit = useOfairMutation(() =>
    unwrap(
      api.PUT('/api/ofair/proposals/{id}', {
        params: { path: { id: existing?.id ?? '' } },
        body: {
          price: shekels(Number(price)),
          description,
          scheduled_date: date || null,
          version: existing?.version ?? 1,
        },
      }),
    ),
  )
  const saving = existing ? edit : propose
  return (
    <Card withBorder radius="md" padding="md">
      <form
        onSubmit={(e) => {
          e.preventDefault()
          if (existing) edit.mutate(undefined, { onSuccess: () => onDone?.() })
          else
            propose.mutate({
              price: shekels(Number(price)),
              description,
              ...(date ? { scheduled_date: date } : {}),
              media_ids: media.map((m) => m.id),
            })
        }}
      >
        <Stack gap="sm">
          <Title order={2} fz="lg">
            {existing ? t('ofair.propose.editTitle') : t('ofair.propose.title')}
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
            label={t('ofair.propose.date')}
            placeholder="2026-12-31"
            dir="ltr"
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
          />
          {!existing && (
            <>
              <FileInput
                label={t('ofair.propose.photos')}
                description={t('ofair.create.attachHelp')}
                accept="image/jpeg,image/png,image/webp,application/pdf"
                value={null}
                disabled={media.length >= 10}
                onChange={async (file) => {
                  if (!file) return
                  setUploadError(null)
                  try {
                    const stored = await uploadFile(file, 'proposal_media')
                    setMedia((m) => [...m, stored])
                  } catch (err) {
                    setUploadError(err)
                  }
                }}
              />
              {uploadError !== null && <ErrorAlert error={uploadError} />}
              {media.map((m) => (
                <Anchor key={m.id} href={m.url} target="_blank" size="sm">
                  {m.name}
                </Anchor>
              ))}
            </>
          )}
          {saving.isError && <ErrorAlert error={saving.error} />}
          <Group justify="flex-end">
            {existing && (
              <Button variant="default" onClick={onDone}>
                {t('ofair.common.cancel')}
              </Button>
            )}
            <Button type="submit" loading={saving.isPending}>
              {existing ? t('ofair.propose.save') : t('ofair.propose.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  )
}
