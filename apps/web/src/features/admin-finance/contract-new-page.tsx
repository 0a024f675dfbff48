import { CURRENCY_CODES, isCurrency, parseMajor } from '@app/money'
import {
  Alert,
  Button,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { ApiError, errorMessage } from '../../api/client'
import { usePageTitle } from '../../app/use-page-title'
import { BackLink } from '../../components/back-link'
import { PageHeader } from '../../components/page-header'
import { SectionCard } from '../../components/section-card'
import { SupportInfo } from '../../components/support-info'
import { mapFieldErrors } from '../../lib/field-errors'
import { todayIso } from '../../lib/format'
import { parsePercent } from '../../lib/money'
import { newIdempotencyKey } from '../billing/billing-api'
import { useVocab } from '../reference/use-vocab'
import { CompanySelect } from './company-select'
import { type ContractInput, useCreateContract } from './finance-api'

interface Values {
  company_id: string | null
  kind: 'percentage' | 'flat'
  percent: string
  flat_amount: string
  flat_currency: string
  min_placements: string
  discount: string
  start: string
  end: string
  terms_url: string
  issue_on: string
  fall_off_policy: string
}

const FIELDS = [
  'company_id',
  'percent',
  'flat_amount',
  'flat_currency',
  'min_placements',
  'discount',
  'start',
  'end',
  'terms_url',
  'issue_on',
  'fall_off_policy',
]
/** The server's field paths → this form's fields. */
const SERVER_FIELDS = {
  fee_percentage_bps: 'percent',
  flat_fee: 'flat_amount',
  'flat_fee.amount': 'flat_amount',
  'flat_fee.currency': 'flat_currency',
  min_placements_per_year: 'min_placements',
  discount_percentage_bps: 'discount',
  contract_start_date: 'start',
  contract_end_date: 'end',
  terms_document_url: 'terms_url',
}

const wholeNumber = /^\d{1,5}$/

/**
 * A platform admin proposes a custom contract for a company: a percentage of salary or a flat fee
 * per placement (one of the two), an optional yearly commitment with a volume discount, dates, and
 * the company's invoicing and fall-off policies while it runs. It applies once approved.
 */
export function ContractNewPage() {
  const { t } = useTranslation()
  const { label } = useVocab()
  const navigate = useNavigate()
  usePageTitle(t('admin.finance.contracts.newTitle'))
  const create = useCreateContract()
  const attempt = useRef(newIdempotencyKey())
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      company_id: null,
      kind: 'percentage',
      percent: '',
      flat_amount: '',
      flat_currency: 'USD',
      min_placements: '',
      discount: '',
      start: todayIso(),
      end: '',
      terms_url: '',
      issue_on: '',
      fall_off_policy: '',
    },
    validate: {
      company_id: (v) => (v ? null : t('admin.finance.contracts.form.companyRequired')),
      percent: (v, all) => {
        if (all.kind !== 'percentage') return null
        const bps = parsePercent(v)
        return bps === null || bps < 1 ? t('admin.finance.contracts.form.percentInvalid') : null
      },
      flat_amount: (v, all) => {
        if (all.kind !== 'flat') return null
        const minor = isCurrency(all.flat_currency) ? parseMajor(v, all.flat_currency) : null
        return minor === null || minor <= 0n ? t('admin.finance.contracts.form.amountInvalid') : null
      },
      min_placements: (v) =>
        v.trim() === '' || (wholeNumber.test(v.trim()) && Number(v) >= 1)
          ? null
          : t('admin.finance.contracts.form.commitmentInvalid'),
      discount: (v) => {
        if (v.trim() === '') return null
        const bps = parsePercent(v)
        return bps === null || bps < 1 ? t('admin.finance.contracts.form.percentInvalid') : null
      },
      start: (v) => (v ? null : t('admin.finance.contracts.form.startRequired')),
      end: (v, all) =>
        v && all.start && v < all.start ? t('admin.finance.contracts.form.endBeforeStart') : null,
      terms_url: (v) =>
        v.trim() === '' || /^https?:\/\/\S+$/.test(v.trim())
          ? null
          : t('admin.finance.contracts.form.urlInvalid'),
    },
  })
  const v = form.getValues()
  const refusal = create.error instanceof ApiError ? create.error : undefined

  const submit = (values: Values) => {
    const body: ContractInput = {
      company_id: values.company_id!,
      contract_start_date: values.start,
      ...(values.kind === 'percentage'
        ? { fee_percentage_bps: parsePercent(values.percent)! }
        : {
            flat_fee: {
              amount: String(parseMajor(values.flat_amount, values.flat_currency as 'USD')),
              currency: values.flat_currency,
            },
          }),
      ...(values.min_placements.trim() ? { min_placements_per_year: Number(values.min_placements) } : {}),
      ...(values.discount.trim() ? { discount_percentage_bps: parsePercent(values.discount)! } : {}),
      ...(values.end ? { contract_end_date: values.end } : {}),
      ...(values.terms_url.trim() ? { terms_document_url: values.terms_url.trim() } : {}),
      ...(values.issue_on ? { issue_on: values.issue_on as 'hire' | 'guarantee_end' } : {}),
      ...(values.fall_off_policy ? { fall_off_policy: values.fall_off_policy as 'refund' | 'credit' } : {}),
    }
    create.mutate(
      { body, idempotencyKey: attempt.current },
      {
        onSuccess: (contract) => {
          notifications.show({ color: 'teal', message: t('admin.finance.contracts.form.created') })
          navigate(`/admin/finance/contracts/${contract.id}`)
        },
        onError: (err) => {
          // The next try is a new attempt (a changed body under the same key would be refused).
          attempt.current = newIdempotencyKey()
          if (err instanceof ApiError) {
            const { byField } = mapFieldErrors(err.fieldErrors, FIELDS, SERVER_FIELDS)
            // The API's bound, in words (its own message is a schema's: "Too big: expected number…").
            if (byField.min_placements)
              byField.min_placements = t('admin.finance.contracts.form.commitmentTooMany')
            form.setErrors(byField)
          }
        },
      },
    )
  }

  return (
    <>
      <BackLink to="/admin/finance/contracts" label={t('admin.finance.contracts.back')} />
      <PageHeader
        title={t('admin.finance.contracts.newTitle')}
        description={t('admin.finance.contracts.newDescription')}
      />
      <form noValidate onSubmit={form.onSubmit(submit)} aria-label={t('admin.finance.contracts.newTitle')}>
        <Stack gap="xl">
          <SectionCard title={t('admin.finance.contracts.form.who')}>
            <CompanySelect
              label={t('admin.finance.contracts.company')}
              placeholder={t('admin.finance.contracts.form.companyPlaceholder')}
              required
              maw={420}
              {...form.getInputProps('company_id')}
              value={v.company_id}
              onChange={(id) => form.setFieldValue('company_id', id)}
            />
          </SectionCard>
          <SectionCard title={t('admin.finance.contracts.form.feeTitle')}>
            <Stack gap="sm">
              <SegmentedControl
                aria-label={t('admin.finance.contracts.form.kind')}
                data={[
                  { value: 'percentage', label: t('admin.finance.contracts.form.percentage') },
                  { value: 'flat', label: t('admin.finance.contracts.form.flat') },
                ]}
                {...form.getInputProps('kind')}
                style={{ alignSelf: 'flex-start' }}
              />
              <Text size="xs" c="dimmed">
                {t('admin.finance.contracts.form.kindHelp')}
              </Text>
              {v.kind === 'percentage' ? (
                <TextInput
                  label={t('admin.finance.contracts.form.percent')}
                  description={t('admin.finance.contracts.form.percentHelp')}
                  inputMode="decimal"
                  rightSection={<Text size="sm">%</Text>}
                  w={240}
                  required
                  {...form.getInputProps('percent')}
                />
              ) : (
                <Group align="flex-start" gap="sm">
                  <TextInput
                    label={t('admin.finance.contracts.form.flatAmount')}
                    description={t('admin.finance.contracts.form.flatHelp')}
                    inputMode="decimal"
                    w={240}
                    required
                    {...form.getInputProps('flat_amount')}
                  />
                  <Select
                    label={t('admin.finance.contracts.form.currency')}
                    description=" "
                    data={CURRENCY_CODES}
                    allowDeselect={false}
                    searchable
                    w={120}
                    {...form.getInputProps('flat_currency')}
                  />
                </Group>
              )}
            </Stack>
          </SectionCard>
          <SectionCard title={t('admin.finance.contracts.form.volumeTitle')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                label={t('admin.finance.contracts.form.commitment')}
                description={t('admin.finance.contracts.form.commitmentHelp')}
                inputMode="numeric"
                {...form.getInputProps('min_placements')}
              />
              <TextInput
                label={t('admin.finance.contracts.form.discount')}
                description={
                  v.min_placements.trim()
                    ? t('admin.finance.contracts.form.discountAfter', {
                        count: Number(v.min_placements) || 0,
                      })
                    : t('admin.finance.contracts.form.discountAlways')
                }
                inputMode="decimal"
                rightSection={<Text size="sm">%</Text>}
                {...form.getInputProps('discount')}
              />
            </SimpleGrid>
          </SectionCard>
          <SectionCard title={t('admin.finance.contracts.form.termsTitle')}>
            <Stack gap="md">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <TextInput
                  label={t('admin.finance.contracts.form.start')}
                  type="date"
                  required
                  {...form.getInputProps('start')}
                />
                <TextInput
                  label={t('admin.finance.contracts.form.end')}
                  description={t('admin.finance.contracts.form.endHelp')}
                  type="date"
                  min={v.start}
                  {...form.getInputProps('end')}
                />
                <Select
                  label={t('admin.finance.contracts.form.issueOn')}
                  data={[
                    { value: '', label: t('admin.finance.contracts.form.companyDefault') },
                    { value: 'hire', label: label('issueOn', 'hire') },
                    { value: 'guarantee_end', label: label('issueOn', 'guarantee_end') },
                  ]}
                  allowDeselect={false}
                  {...form.getInputProps('issue_on')}
                />
                <Select
                  label={t('admin.finance.contracts.form.fallOff')}
                  data={[
                    { value: '', label: t('admin.finance.contracts.form.companyDefault') },
                    { value: 'refund', label: label('fallOffPolicy', 'refund') },
                    { value: 'credit', label: label('fallOffPolicy', 'credit') },
                  ]}
                  allowDeselect={false}
                  {...form.getInputProps('fall_off_policy')}
                />
              </SimpleGrid>
              <TextInput
                label={t('admin.finance.contracts.form.termsUrl')}
                placeholder="https://"
                dir="ltr"
                {...form.getInputProps('terms_url')}
              />
            </Stack>
          </SectionCard>
          {refusal && (refusal.fieldErrors.length === 0 || refusal.code === 'contract_overlap') && (
            <Alert
              color="red"
              variant="light"
              icon={<IconAlertTriangle size={18} />}
              title={t('admin.finance.contracts.form.refused')}
            >
              <Stack gap={4}>
                <Text size="sm">{errorMessage(refusal, t)}</Text>
                <SupportInfo error={refusal} />
              </Stack>
            </Alert>
          )}
          {refusal && refusal.fieldErrors.length > 0 && (
            <Text size="sm" c="red" role="alert">
              {t('admin.finance.contracts.form.checkFields')}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => navigate('/admin/finance/contracts')}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('admin.finance.contracts.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  )
}
