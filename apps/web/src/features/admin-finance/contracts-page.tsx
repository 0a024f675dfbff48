import { Button, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core'
import { IconContract, IconPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { usePageTitle } from '../../app/use-page-title'
import { EmptyState } from '../../components/empty-state'
import { LinkedRow, RowLink } from '../../components/linked-row'
import { LoadMore } from '../../components/load-more'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { QueryError } from '../../components/query-error'
import { RowCard, RowCards } from '../../components/row-card'
import { SectionCard } from '../../components/section-card'
import { useIsPhone } from '../../components/use-is-phone'
import { formatDateTime } from '../../lib/format'
import { useVocab } from '../reference/use-vocab'
import { VocabBadge } from '../reference/vocab-badge'
import { CompanySelect } from './company-select'
import { contractDates, contractFee } from './contract-words'
import { type ContractStatus, useContracts } from './finance-api'

const STATUSES: ContractStatus[] = ['pending_approval', 'approved', 'rejected', 'ended']
const contractUrl = (id: string) => `/admin/finance/contracts/${id}`

/** Companies' custom contracts (their own fee, commitment and discount), waiting for approval or in force. */
export function ContractsPage() {
  const { t, i18n } = useTranslation()
  const { options } = useVocab()
  const phone = useIsPhone()
  usePageTitle(t('admin.finance.contracts.title'))
  const [params, setParams] = useSearchParams()
  const status = params.get('status') as ContractStatus | null
  const companyId = params.get('company')
  const contracts = useContracts({ status: status ?? undefined, company_id: companyId ?? undefined })
  const list = contracts.data?.pages.flatMap((p) => p.data) ?? []
  const lang = i18n.language
  const set = (key: string, value: string | null) =>
    setParams(
      (all) => {
        const next = new URLSearchParams(all)
        if (value) next.set(key, value)
        else next.delete(key)
        return next
      },
      { replace: true },
    )

  return (
    <>
      <PageHeader
        title={t('admin.finance.contracts.title')}
        description={t('admin.finance.contracts.description')}
        actions={
          <Button component={Link} to="/admin/finance/contracts/new" leftSection={<IconPlus size={16} />}>
            {t('admin.finance.contracts.create')}
          </Button>
        }
      />
      <SectionCard title={t('admin.finance.contracts.listTitle')}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <CompanySelect
              aria-label={t('admin.finance.invoices.company')}
              placeholder={t('admin.finance.invoices.anyCompany')}
              value={companyId}
              onChange={(id) => set('company', id)}
            />
            <Select
              aria-label={t('admin.finance.contracts.status')}
              placeholder={t('admin.finance.contracts.anyStatus')}
              data={options('contractStatuses', STATUSES)}
              value={status}
              onChange={(v) => set('status', v)}
              clearable
            />
          </SimpleGrid>
          {contracts.isPending && <LoadingState />}
          {contracts.isError && (
            <QueryError
              error={contracts.error}
              signInTitle={t('admin.finance.signInRequired')}
              onRetry={() => contracts.refetch()}
            />
          )}
          {contracts.isSuccess && list.length === 0 && (
            <EmptyState
              icon={<IconContract size={28} stroke={1.5} />}
              title={t('admin.finance.contracts.empty')}
              description={t('admin.finance.contracts.emptyHint')}
            />
          )}
          {list.length > 0 &&
            (phone ? (
              <RowCards label={t('admin.finance.contracts.listTitle')}>
                {list.map((c) => (
                  <RowCard
                    key={c.id}
                    to={contractUrl(c.id)}
                    title={c.company.name}
                    subtitle={contractFee(c, t, lang)}
                    badges={<VocabBadge kind="contractStatuses" code={c.status} size="sm" />}
                    fields={[
                      { label: t('admin.finance.contracts.dates'), value: contractDates(c, t, lang) },
                      {
                        label: t('admin.finance.contracts.proposed'),
                        value: formatDateTime(c.created_at, lang),
                      },
                    ]}
                  />
                ))}
              </RowCards>
            ) : (
              <Table.ScrollContainer minWidth={760}>
                <Table aria-label={t('admin.finance.contracts.listTitle')}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('admin.finance.contracts.company')}</Table.Th>
                      <Table.Th>{t('admin.finance.contracts.fee')}</Table.Th>
                      <Table.Th>{t('admin.finance.contracts.dates')}</Table.Th>
                      <Table.Th>{t('admin.finance.contracts.status')}</Table.Th>
                      <Table.Th>{t('admin.finance.contracts.proposed')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.map((c) => (
                      <LinkedRow key={c.id} to={contractUrl(c.id)}>
                        <Table.Td>
                          <RowLink to={contractUrl(c.id)}>{c.company.name}</RowLink>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{contractFee(c, t, lang)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{contractDates(c, t, lang)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <VocabBadge kind="contractStatuses" code={c.status} />
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{formatDateTime(c.created_at, lang)}</Text>
                        </Table.Td>
                      </LinkedRow>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            ))}
          {list.length > 0 && (
            <LoadMore
              shown={t('admin.finance.contracts.shown', { count: list.length })}
              hasMore={contracts.hasNextPage}
              loading={contracts.isFetchingNextPage}
              onLoadMore={() => contracts.fetchNextPage()}
            />
          )}
        </Stack>
      </SectionCard>
    </>
  )
}
