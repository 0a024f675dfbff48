import { Anchor, Button, Stack, Table, Text, TextInput } from '@mantine/core'
import { useDebouncedValue, useDisclosure } from '@mantine/hooks'
import { IconBuildingOff, IconPlus, IconSearch } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { isAuthError } from '../../api/client'
import { usePageTitle } from '../../app/use-page-title'
import { EmptyState } from '../../components/empty-state'
import { ErrorAlert } from '../../components/error-alert'
import { LoadMore } from '../../components/load-more'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { SectionCard } from '../../components/section-card'
import { SignInRequiredAlert } from '../../components/sign-in-required-alert'
import { useCompanyDirectory } from '../company/company-api'
import { useVocab } from '../reference/use-vocab'
import { CreateCompanyModal } from './create-company-modal'

/** Platform admins: every hiring company, and adding one. */
export function CompaniesPage() {
  const { t } = useTranslation()
  const { label } = useVocab()
  usePageTitle(t('admin.companies.title'))
  const [q, setQ] = useState('')
  const [debounced] = useDebouncedValue(q, 300)
  const companies = useCompanyDirectory(debounced)
  const [creating, createModal] = useDisclosure(false)
  const authError = isAuthError(companies.error) ? companies.error : undefined
  const list = companies.data?.pages.flatMap((p) => p.data) ?? []

  return (
    <>
      <PageHeader
        title={t('admin.companies.title')}
        description={t('admin.companies.description')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={createModal.open}>
            {t('admin.companies.create')}
          </Button>
        }
      />
      {authError ? (
        <SignInRequiredAlert error={authError} title={t('admin.companies.signInRequired')} />
      ) : (
        <SectionCard title={t('admin.companies.listTitle')}>
          <Stack>
            <TextInput
              aria-label={t('admin.companies.search')}
              placeholder={t('admin.companies.search')}
              leftSection={<IconSearch size={16} />}
              type="search"
              value={q}
              onChange={(event) => setQ(event.currentTarget.value)}
              maw={360}
            />
            {companies.isPending && <LoadingState />}
            {companies.isError && <ErrorAlert error={companies.error} onRetry={() => companies.refetch()} />}
            {companies.isSuccess && list.length === 0 && (
              <EmptyState
                icon={<IconBuildingOff size={28} stroke={1.5} />}
                title={t('admin.companies.empty')}
              />
            )}
            {list.length > 0 && (
              <Table.ScrollContainer minWidth={640}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('admin.companies.name')}</Table.Th>
                      <Table.Th>{t('admin.companies.industry')}</Table.Th>
                      <Table.Th>{t('admin.companies.headquarters')}</Table.Th>
                      <Table.Th>{t('admin.companies.terms')}</Table.Th>
                      <Table.Th ta="end">{t('admin.companies.openRoles')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.map((c) => (
                      <Table.Tr key={c.id}>
                        <Table.Td>
                          <Anchor
                            component={Link}
                            to={`/splits/companies/${c.id}/settings`}
                            size="sm"
                            fw={600}
                          >
                            {c.name}
                          </Anchor>
                          {c.size_band && (
                            <Text size="xs" c="dimmed">
                              {label('sizeBands', c.size_band)}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{label('industries', c.industry)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{c.headquarters ?? '—'}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{label('paymentTerms', c.payment_terms)}</Text>
                        </Table.Td>
                        <Table.Td ta="end">
                          <Anchor component={Link} to={`/splits/roles?company=${c.id}`} size="sm">
                            {c.open_roles}
                          </Anchor>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            {list.length > 0 && (
              <LoadMore
                shown={t('admin.companies.shown', { count: list.length })}
                hasMore={companies.hasNextPage}
                loading={companies.isFetchingNextPage}
                onLoadMore={() => companies.fetchNextPage()}
              />
            )}
          </Stack>
        </SectionCard>
      )}
      <CreateCompanyModal opened={creating} onClose={createModal.close} />
    </>
  )
}
