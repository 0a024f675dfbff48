import { formatBps } from '@app/money'
import { Group, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Fact } from '../../components/fact'
import { describeFeeRules, formatDate } from '../../lib/format'
import { formatBpsExact } from '../../lib/money'
import { Amount } from '../billing/amount'
import type { Statement } from '../billing/billing-api'
import { useVocab } from '../reference/use-vocab'
import { VocabBadge } from '../reference/vocab-badge'
import type { Placement } from './placements-api'
import { statementView } from './statement-facts'

interface FeeFactsProps {
  placement: Placement
  /** The server's fee statement; undefined while it loads or is still being prepared. */
  statement: Statement | undefined
}

/**
 * The inputs of the fee and the fee itself, as the server's fee statement computed and stored them
 * (salary, the rate the company pays with any premium or contract, discounts); the web does no
 * fee arithmetic of its own.
 */
export function FeeFacts({ placement: p, statement }: FeeFactsProps) {
  const { t, i18n } = useTranslation()
  const { label } = useVocab()
  const lang = i18n.language
  const view = statement ? statementView(statement) : null
  const f = view?.figures
  const pending = <Skeleton h={18} w={110} mt={4} aria-label={t('splits.statement.preparing')} />

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, md: 3 }} spacing="lg" verticalSpacing="md">
        <Fact label={t('splits.placement.baseSalary')}>
          <Amount value={view?.baseSalary ?? p.base_salary} fw={500} />
        </Fact>
        <Fact label={t('splits.placement.feeRate')}>
          {!f ? (
            <Text size="sm" fw={500}>
              {formatBps(p.fee_rate_bps)}
            </Text>
          ) : f.feeBasis === 'flat' ? (
            <Text size="sm" fw={500}>
              {t('splits.statement.flatFee')}
            </Text>
          ) : (
            <Stack gap={0}>
              <Text size="sm" fw={500}>
                {f.rateBps ? formatBpsExact(f.rateBps) : '—'}
              </Text>
              {(view?.premium || f.contractRateBps !== null) && (
                <Text size="xs" c="dimmed">
                  {f.contractRateBps !== null
                    ? t('splits.statement.contractRate', { rate: formatBps(f.contractRateBps) })
                    : t('splits.statement.roleRate', { rate: formatBps(f.roleRateBps ?? p.fee_rate_bps) })}
                </Text>
              )}
            </Stack>
          )}
        </Fact>
        <Fact label={t('splits.placement.fee')}>
          {statement ? <Amount value={statement.fee} fw={700} /> : pending}
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
            {describeFeeRules(p.fee_rule_version, t, lang)}
          </Text>
          {/* The rule's code, for support and invoices: secondary, in small print. */}
          <Text size="xs" c="dimmed">
            {t('splits.placement.reference', { code: p.fee_rule_version })}
          </Text>
        </Fact>
        <Fact label={t('splits.statement.calculatedWith')}>
          {statement ? (
            <>
              <Text size="sm" fw={500}>
                {describeFeeRules(statement.rule_version, t, lang)}
              </Text>
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {t('splits.placement.reference', {
                  code: `${statement.rule_version} · ${statement.config_version} · v${statement.version}`,
                })}
              </Text>
            </>
          ) : (
            pending
          )}
        </Fact>
        {view?.planTier && (
          <Fact label={t('plans.statement.label')}>
            <Text size="sm" fw={500} data-testid="statement-plan">
              {t(`plans.tiers.${view.planTier as 'starter' | 'pro' | 'partner'}`)}
            </Text>
            {f?.platformTakeBps != null && (
              <Text size="xs" c="dimmed">
                {t('plans.statement.take', { take: formatBps(f.platformTakeBps) })}
              </Text>
            )}
          </Fact>
        )}
      </SimpleGrid>
      {view && f && (view.premium || view.contractId || (f.volumeDiscount && f.volumeDiscount !== '0')) && (
        <Group gap="xl" wrap="wrap">
          {view.premium && (
            <Fact label={t('splits.statement.premium')}>
              <Group gap="xs">
                <VocabBadge kind="premiumDesignations" code={view.premium.designation} />
                {f.premiumUplift && statement && (
                  <Text size="sm">
                    {t('splits.statement.premiumAdds')}{' '}
                    <Amount
                      span
                      value={{ amount: f.premiumUplift, currency: statement.fee.currency }}
                      fw={600}
                    />
                  </Text>
                )}
              </Group>
              {view.premium.recruiter_bonus_bps > 0 && (
                <Text size="xs" c="dimmed">
                  {t('splits.statement.bonusShare', { share: formatBps(view.premium.recruiter_bonus_bps) })}
                </Text>
              )}
            </Fact>
          )}
          {view.contractId && (
            <Fact label={t('splits.statement.contract')}>{t('splits.statement.contractApplies')}</Fact>
          )}
          {f.volumeDiscount && f.volumeDiscount !== '0' && statement && (
            <Fact label={t('splits.statement.volumeDiscount')}>
              <Text size="sm">
                {t('splits.statement.discountOf', { rate: formatBps(f.volumeDiscountBps ?? 0) })}{' '}
                <Amount
                  span
                  value={{ amount: `-${f.volumeDiscount}`, currency: statement.fee.currency }}
                  fw={600}
                />
              </Text>
            </Fact>
          )}
        </Group>
      )}
    </Stack>
  )
}
