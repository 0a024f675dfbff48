import {
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  ScrollArea,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { type Lead, useProfessionals, useShareLead } from './ofair-api'

/**
 * Refer the lead to chosen professionals. The uploader's offers carry the lead's share; a receiver
 * referring onward sets their own share (the chain stays at most 90%).
 */
export function ShareModal({ lead, opened, onClose }: { lead: Lead; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const [q, setQ] = useState('')
  const [debounced] = useDebouncedValue(q, 250)
  const [sameTrade, setSameTrade] = useState(true)
  const pros = useProfessionals(debounced, sameTrade ? lead.category.id : undefined)
  const [chosen, setChosen] = useState<string[]>([])
  const [percent, setPercent] = useState<number | string>(10)
  const [note, setNote] = useState('')
  const share = useShareLead(lead.id)
  const onward = !lead.is_owner
  const close = () => {
    setChosen([])
    share.reset()
    onClose()
  }
  return (
    <Modal opened={opened} onClose={close} title={t('ofair.share.title')} size="lg">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {onward
            ? t('ofair.share.onward', { total: lead.my_referral?.chain_total_percentage ?? 0 })
            : t('ofair.share.first', { percent: lead.referrer_share_percentage ?? 0 })}
        </Text>
        <TextInput
          label={t('ofair.share.search')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          data-autofocus
        />
        <Checkbox
          label={t('ofair.share.sameTrade', { trade: lead.category.name })}
          checked={sameTrade}
          onChange={(e) => setSameTrade(e.currentTarget.checked)}
        />
        <ScrollArea.Autosize mah={260}>
          {pros.isPending ? (
            <LoadingState minHeight={60} />
          ) : (
            <Checkbox.Group value={chosen} onChange={setChosen}>
              <Stack gap={6}>
                {(pros.data?.data ?? [])
                  .filter((p) => p.id !== lead.owner_professional?.id)
                  .map((p) => (
                    <Checkbox
                      key={p.id}
                      value={p.id}
                      label={`${p.display_name} · ${p.profession.name} · ${p.base_locality.name}`}
                    />
                  ))}
              </Stack>
            </Checkbox.Group>
          )}
        </ScrollArea.Autosize>
        {onward && (
          <NumberInput
            label={t('ofair.share.myShare')}
            min={0}
            max={90}
            suffix="%"
            value={percent}
            onChange={setPercent}
          />
        )}
        <Textarea
          label={t('ofair.share.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        {share.isError && <ErrorAlert error={share.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('ofair.common.cancel')}
          </Button>
          <Button
            disabled={chosen.length === 0}
            loading={share.isPending}
            onClick={() =>
              share.mutate(
                {
                  receiver_ids: chosen,
                  ...(onward ? { commission_percentage: Number(percent) } : {}),
                  ...(note.trim() ? { note: note.trim() } : {}),
                },
                { onSuccess: close },
              )
            }
          >
            {t('ofair.share.submit', { count: chosen.length })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
