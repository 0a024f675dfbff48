import { applyBps, formatBps } from '@app/money'
import { SimpleGrid, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Fact } from '../../components/fact'
import { RelativeTime } from '../../components/relative-time'
import { formatAmount, formatMoneyCompact } from '../../lib/money'
import { useVocab } from '../reference/use-vocab'
import type { Role } from './roles-api'

/** Where, what kind, the pay and the fee terms of a role. */
export function RoleFacts({ role }: { role: Role }) {
  const { t, i18n } = useTranslation()
  const { label } = useVocab()
  const lang = i18n.language
  const { min, max, currency } = role.salary
  const feeLow = formatMoneyCompact(applyBps(BigInt(min), role.fee_rate_bps), currency, lang)
  const feeHigh = formatMoneyCompact(applyBps(BigInt(max), role.fee_rate_bps), currency, lang)
  const place = [role.location, role.country].filter(Boolean).join(', ') || '—'

  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="lg" verticalSpacing="md">
      <Fact label={t('splits.roleFacts.salary')}>
        {`${formatAmount(min, currency, lang)} – ${formatAmount(max, currency, lang)}`}
      </Fact>
      <Fact label={t('splits.roleFacts.fee')}>
        <Text size="sm" fw={500}>
          {t('splits.roleFacts.feeValue', { fee: formatBps(role.fee_rate_bps) })}
        </Text>
        <Text size="xs" c="dimmed">
          {t('splits.roleFacts.feeEstimate', { range: feeLow === feeHigh ? feeLow : `${feeLow}–${feeHigh}` })}
        </Text>
      </Fact>
      <Fact label={t('splits.roleFacts.guarantee')}>
        {t('splits.roleFacts.guaranteeValue', { count: role.guarantee_days })}
      </Fact>
      <Fact label={t('splits.roleFacts.openings')}>{String(role.openings)}</Fact>
      <Fact label={t('splits.roleFacts.location')}>{place}</Fact>
      <Fact label={t('splits.roleFacts.workMode')}>{label('workModes', role.work_mode)}</Fact>
      <Fact label={t('splits.roleFacts.employmentType')}>
        {label('employmentTypes', role.employment_type)}
      </Fact>
      <Fact label={t('splits.roleFacts.function')}>{label('functions', role.function)}</Fact>
      <Fact label={t('splits.roleFacts.seniority')}>{label('seniorities', role.seniority)}</Fact>
      <Fact label={t('splits.roleFacts.industry')}>{label('industries', role.industry)}</Fact>
      <Fact label={t('splits.roleFacts.posted')}>
        <RelativeTime value={role.opened_at ?? role.created_at} size="sm" fw={500} />
      </Fact>
      <Fact label={t('splits.roleFacts.jobOwner')}>{role.job_owner?.name ?? '—'}</Fact>
    </SimpleGrid>
  )
}
