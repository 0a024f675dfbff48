import { formatBps } from '@app/money'
import { Alert, Button, Group, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconFlame } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { bpsToPercentText, formatBpsExact, parsePercent } from '../../lib/money'
import { type RolePremium, useRolePremium, useSetRolePremium } from '../billing/billing-api'
import { useVocab } from '../reference/use-vocab'
import { VocabBadge } from '../reference/vocab-badge'

type Designation = 'none' | 'urgent' | 'niche' | 'executive'
const DESIGNATIONS: Designation[] = ['none', 'urgent', 'niche', 'executive']

/**
 * The hiring team marks a role premium (urgent, niche, executive): the company pays a higher fee
 * for placements made from then on, and a share of the increase may go to the recruiters as a
 * bonus. The increases are the fee engine's (server `fees/fee-config.ts`); the words here describe them.
 */
export function RolePremiumSection({
  roleId,
  feeRateBps,
  canEdit,
}: {
  roleId: string
  feeRateBps: number
  canEdit: boolean
}) {
  const premium = useRolePremium(roleId)
  if (premium.isPending) return <LoadingState minHeight={80} />
  if (premium.isError) return <ErrorAlert error={premium.error} onRetry={() => premium.refetch()} />
  return canEdit ? (
    <RolePremiumForm
      key={JSON.stringify(premium.data.premium)}
      roleId={roleId}
      feeRateBps={feeRateBps}
      current={premium.data}
    />
  ) : (
    <RolePremiumSummary premium={premium.data} />
  )
}

/** A recruiter's (or a read-only) view: is the role premium, and is there a bonus for recruiters. */
export function RolePremiumSummary({ premium }: { premium: RolePremium }) {
  const { t } = useTranslation()
  const p = premium.premium
  if (!p)
    return (
      <Text size="sm" c="dimmed">
        {t('splits.premium.standard')}
      </Text>
    )
  return (
    <Group gap="sm">
      <VocabBadge
        kind="premiumDesignations"
        code={p.designation}
        size="lg"
        leftSection={<IconFlame size={14} />}
      />
      <Text size="sm">
        {p.recruiter_bonus_bps > 0
          ? t('splits.premium.withBonus', { share: formatBps(p.recruiter_bonus_bps) })
          : t('splits.premium.noBonus')}
      </Text>
    </Group>
  )
}

/**
 * The rate a designation gives this role, as the fee engine's default configuration computes it
 * (urgent ×1.1, niche ×1.15, executive at least 25%), in exact decimal basis points for the words.
 */
function premiumRate(designation: Designation, bps: number): string {
  const times = (num: number, den: number) => {
    const scaled = bps * num
    const whole = Math.trunc(scaled / den)
    const rest = scaled % den
    return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(String(den).length - 1, '0')}`
  }
  if (designation === 'urgent') return times(11, 10)
  if (designation === 'niche') return times(115, 100)
  if (designation === 'executive') return String(Math.max(bps, 2500))
  return String(bps)
}

function RolePremiumForm({
  roleId,
  feeRateBps,
  current,
}: {
  roleId: string
  feeRateBps: number
  current: RolePremium
}) {
  const { t } = useTranslation()
  const { label } = useVocab()
  const save = useSetRolePremium(roleId, {
    onDone: () => notifications.show({ color: 'teal', message: t('splits.premium.saved') }),
  })
  const [designation, setDesignation] = useState<Designation>(current.premium?.designation ?? 'none')
  const [bonus, setBonus] = useState(bpsToPercentText(current.premium?.recruiter_bonus_bps ?? 0))
  const bonusBps = parsePercent(bonus || '0')
  const changed =
    designation !== (current.premium?.designation ?? 'none') ||
    (designation !== 'none' && bonusBps !== (current.premium?.recruiter_bonus_bps ?? 0))
  const valid = designation === 'none' || bonusBps !== null

  return (
    <Stack gap="md">
      <Radio.Group
        label={t('splits.premium.designation')}
        description={t('splits.premium.help')}
        value={designation}
        onChange={(v) => setDesignation(v as Designation)}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" mt="xs">
          {DESIGNATIONS.map((d) => (
            <Radio.Card key={d} value={d} p="sm" radius="md">
              <Group wrap="nowrap" align="flex-start" gap="sm">
                <Radio.Indicator />
                <div>
                  <Text size="sm" fw={600}>
                    {label('premiumDesignations', d)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`splits.premium.explain.${d}`, {
                      from: formatBps(feeRateBps),
                      to: formatBpsExact(premiumRate(d, feeRateBps)),
                    })}
                  </Text>
                </div>
              </Group>
            </Radio.Card>
          ))}
        </SimpleGrid>
      </Radio.Group>
      {designation !== 'none' && (
        <TextInput
          label={t('splits.premium.bonus')}
          description={t('splits.premium.bonusHelp')}
          value={bonus}
          onChange={(e) => setBonus(e.currentTarget.value)}
          error={bonusBps === null ? t('splits.premium.bonusInvalid') : undefined}
          rightSection={<Text size="sm">%</Text>}
          inputMode="decimal"
          maw={420}
        />
      )}
      <Alert variant="light" color="gray" p="xs">
        <Text size="xs">{t('splits.premium.appliesFromNow')}</Text>
      </Alert>
      {save.isError && <ErrorAlert error={save.error} />}
      <Group justify="flex-end">
        <Button
          disabled={!changed || !valid}
          loading={save.isPending}
          onClick={() =>
            save.mutate(designation === 'none' ? null : { designation, recruiter_bonus_bps: bonusBps ?? 0 })
          }
        >
          {t('splits.premium.save')}
        </Button>
      </Group>
    </Stack>
  )
}
