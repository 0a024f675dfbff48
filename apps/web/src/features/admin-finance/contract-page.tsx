import { formatBps } from '@app/money'
import { Alert, Anchor, Button, Group, SimpleGrid, Stack, Text, Textarea } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconCheck, IconRefresh, IconX } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { ApiError, errorMessage, isNotFound } from '../../api/client'
import { usePageTitle } from '../../app/use-page-title'
import { BackLink } from '../../components/back-link'
import { Fact } from '../../components/fact'
import { LoadingState } from '../../components/loading-state'
import { NotFoundState } from '../../components/not-found-state'
import { PageHeader } from '../../components/page-header'
import { QueryError } from '../../components/query-error'
import { SectionCard } from '../../components/section-card'
import { SupportInfo } from '../../components/support-info'
import { formatDate, formatDateTime } from '../../lib/format'
import { useVocab } from '../reference/use-vocab'
import { VocabBadge } from '../reference/vocab-badge'
import { contractDates, contractFee } from './contract-words'
import { type Contract, useContract, useDecideContract } from './finance-api'

/** One custom contract: its terms, its state, and (while it waits) approving or rejecting it. */
export function ContractPage() {
  const { t, i18n } = useTranslation()
  const { label } = useVocab()
  const id = useParams().id ?? ''
  const contract = useContract(id)
  const c = contract.data
  usePageTitle(t('admin.finance.contracts.detailTitle'))
  const lang = i18n.language

  if (isNotFound(contract.error))
    return (
      <NotFoundState
        error={contract.error}
        backTo="/admin/finance/contracts"
        backLabel={t('admin.finance.contracts.back')}
      />
    )
  return (
    <>
      <BackLink to="/admin/finance/contracts" label={t('admin.finance.contracts.back')} />
      <PageHeader
        title={
          <Group gap="sm" component="span">
            {c
              ? t('admin.finance.contracts.titleFor', { company: c.company.name })
              : t('admin.finance.contracts.detailTitle')}
            {c && <VocabBadge kind="contractStatuses" code={c.status} size="lg" />}
          </Group>
        }
        description={c && contractFee(c, t, lang)}
      />
      {contract.isPending && <LoadingState />}
      {contract.isError && (
        <QueryError
          error={contract.error}
          signInTitle={t('admin.finance.signInRequired')}
          onRetry={() => contract.refetch()}
        />
      )}
      {c && (
        <Stack gap="xl">
          {c.status === 'pending_approval' && <Decision contract={c} onReload={() => contract.refetch()} />}
          {c.status !== 'pending_approval' && (
            <Alert
              variant="light"
              color={c.status === 'approved' ? 'teal' : c.status === 'rejected' ? 'red' : 'gray'}
              title={label('contractStatuses', c.status)}
            >
              <Text size="sm">
                {c.status === 'approved'
                  ? t('admin.finance.contracts.approvedBody', {
                      when: c.approved_at ? formatDateTime(c.approved_at, lang) : '—',
                      start: formatDate(c.contract_start_date, lang),
                    })
                  : c.status === 'rejected'
                    ? t('admin.finance.contracts.rejectedBody')
                    : t('admin.finance.contracts.endedBody')}
              </Text>
              {c.decision_reason && (
                <Text size="sm" mt={4}>
                  {t('admin.finance.contracts.reason', { reason: c.decision_reason })}
                </Text>
              )}
            </Alert>
          )}
          <SectionCard title={t('admin.finance.contracts.terms')}>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="lg" verticalSpacing="md">
              <Fact label={t('admin.finance.contracts.company')}>
                <Anchor
                  component={Link}
                  to={`/admin/finance/invoices?company=${c.company.id}`}
                  size="sm"
                  fw={500}
                >
                  {c.company.name}
                </Anchor>
              </Fact>
              <Fact label={t('admin.finance.contracts.fee')}>{contractFee(c, t, lang)}</Fact>
              <Fact label={t('admin.finance.contracts.dates')}>{contractDates(c, t, lang)}</Fact>
              <Fact label={t('admin.finance.contracts.form.commitment')}>
                {c.min_placements_per_year
                  ? t('admin.finance.contracts.perYear', { count: c.min_placements_per_year })
                  : t('admin.finance.contracts.noCommitment')}
              </Fact>
              <Fact label={t('admin.finance.contracts.form.discount')}>
                {c.discount_percentage_bps
                  ? c.min_placements_per_year
                    ? t('admin.finance.contracts.discountAfter', {
                        rate: formatBps(c.discount_percentage_bps),
                        count: c.min_placements_per_year,
                      })
                    : t('admin.finance.contracts.discountAlways', {
                        rate: formatBps(c.discount_percentage_bps),
                      })
                  : t('admin.finance.contracts.noDiscount')}
              </Fact>
              <Fact label={t('admin.finance.contracts.form.issueOn')}>
                {c.issue_on ? label('issueOn', c.issue_on) : t('admin.finance.contracts.form.companyDefault')}
              </Fact>
              <Fact label={t('admin.finance.contracts.form.fallOff')}>
                {c.fall_off_policy
                  ? label('fallOffPolicy', c.fall_off_policy)
                  : t('admin.finance.contracts.form.companyDefault')}
              </Fact>
              <Fact label={t('admin.finance.contracts.form.termsUrl')}>
                {c.terms_document_url ? (
                  <Anchor
                    href={c.terms_document_url}
                    target="_blank"
                    rel="noopener noreferrer nofollow"
                    size="sm"
                  >
                    {t('admin.finance.contracts.openTerms')}
                  </Anchor>
                ) : (
                  '—'
                )}
              </Fact>
              <Fact label={t('admin.finance.contracts.proposed')}>{formatDateTime(c.created_at, lang)}</Fact>
            </SimpleGrid>
            <Text size="xs" c="dimmed" mt="md">
              {t('admin.finance.contracts.version', { version: c.version })}
            </Text>
          </SectionCard>
        </Stack>
      )}
    </>
  )
}

/** Approve or reject the version on screen; a decision made meanwhile by someone else is a conflict. */
function Decision({ contract: c, onReload }: { contract: Contract; onReload: () => void }) {
  const { t } = useTranslation()
  const decide = useDecideContract(c.id, {
    onDone: (decided) =>
      notifications.show({
        color: decided.status === 'approved' ? 'teal' : 'red',
        message: t(
          decided.status === 'approved'
            ? 'admin.finance.contracts.approved'
            : 'admin.finance.contracts.rejected',
        ),
      }),
  })
  const [reason, setReason] = useState('')
  const [rejecting, setRejecting] = useState(false)
  const refusal = decide.error instanceof ApiError ? decide.error : undefined
  const conflict = refusal && refusal.status === 409
  const run = (verb: 'approve' | 'reject') =>
    decide.mutate({ verb, version: c.version, ...(reason.trim() ? { reason: reason.trim() } : {}) })
  return (
    <SectionCard title={t('admin.finance.contracts.decide')}>
      <Stack gap="sm">
        <Text size="sm">{t('admin.finance.contracts.decideHelp')}</Text>
        <Textarea
          label={rejecting ? t('admin.finance.contracts.rejectReason') : t('admin.finance.contracts.note')}
          autosize
          minRows={2}
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={
            rejecting && reason.trim().length === 0 ? t('admin.finance.contracts.reasonRequired') : undefined
          }
        />
        {refusal && (
          <Alert color={conflict ? 'yellow' : 'red'} variant="light" icon={<IconAlertTriangle size={18} />}>
            <Stack gap="xs">
              <Text size="sm">
                {conflict ? t('admin.finance.contracts.conflict') : errorMessage(refusal, t)}
              </Text>
              {conflict && (
                <Group>
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconRefresh size={14} />}
                    onClick={() => {
                      decide.reset()
                      onReload()
                    }}
                  >
                    {t('admin.finance.contracts.reload')}
                  </Button>
                </Group>
              )}
              <SupportInfo error={refusal} />
            </Stack>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button
            color="red"
            variant="light"
            leftSection={<IconX size={16} />}
            loading={decide.isPending && decide.variables?.verb === 'reject'}
            onClick={() => {
              if (!rejecting || reason.trim().length === 0) return setRejecting(true)
              run('reject')
            }}
          >
            {t('admin.finance.contracts.reject')}
          </Button>
          <Button
            color="teal"
            leftSection={<IconCheck size={16} />}
            loading={decide.isPending && decide.variables?.verb === 'approve'}
            onClick={() => run('approve')}
          >
            {t('admin.finance.contracts.approve')}
          </Button>
        </Group>
      </Stack>
    </SectionCard>
  )
}
