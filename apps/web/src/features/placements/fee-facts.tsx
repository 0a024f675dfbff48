import { applyBps, formatBps } from '@app/money'
import { SimpleGrid, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Fact } from '../../components/fact'
import { describeFeeRules, formatDate } from '../../lib/format'
import { formatAmount } from '../../lib/money'
import { useVocab } from '../reference/use-vocab'
import type { Placement } from './placements-api'

/** The inputs of the fee: salary, rate, the fee itself, the guarantee and the rule version that applied. */
export function FeeFacts({ placement: p }: { placement: Placement }) {
  const { t, i18n } = useTranslation()
  const { label } = useVocab()
  const lang = i18n.language
  const fee = applyBps(BigInt(p.base_salary.amount), p.fee_rate_bps).toString()

  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="lg" verticalSpacing="md">
      <Fact label={t('splits.placement.baseSalary')}>
        {formatAmount(p.base_salary.amount, p.base_salary.currency, lang, false)}
      </Fact>
      <Fact label={t('splits.placement.feeRate')}>{formatBps(p.fee_rate_bps)}</Fact>
      <Fact label={t('splits.placement.fee')}>
        <Text size="sm" fw={700}>
          {formatAmount(fee, p.base_salary.currency, lang, false)}
        </Text>
      </Fact>
      <Fact label={t('splits.placement.paymentTerms')}>{label('paymentTerms', p.payment_terms)}</Fact>
      <Fact label={t('splits.placement.startDate')}>{formatDate(p.start_date, lang)}</Fact>
      <Fact label={t('splits.placement.guarantee')}>
        {t('splits.placement.guaranteeValue', {
          count: p.guarantee_days,
          date: formatDate(p.guarantee_ends_on, lang),
        })}
      </Fact>
      <Fact label={t('splits.placement.feeBasis')}>{label('feeBasis', p.fee_basis)}</Fact>
      <Fact label={t('splits.placement.ruleVersion')}>
        <Text size="sm" fw={500}>
          {describeFeeRules(p.fee_rule_version, t)}
        </Text>
        {/* The rule's code, for support and invoices: secondary, in small print. */}
        <Text size="xs" c="dimmed">
          {t('splits.placement.reference', { code: p.fee_rule_version })}
        </Text>
      </Fact>
    </SimpleGrid>
  )
}
