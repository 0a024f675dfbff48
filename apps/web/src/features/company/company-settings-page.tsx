import { Alert, Stack } from '@mantine/core'
import { IconLock } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { isNotFound } from '../../api/client'
import { usePageTitle } from '../../app/use-page-title'
import { LoadingState } from '../../components/loading-state'
import { NotFoundState } from '../../components/not-found-state'
import { PageHeader } from '../../components/page-header'
import { QueryError } from '../../components/query-error'
import { SectionCard } from '../../components/section-card'
import { useViewer } from '../auth/use-viewer'
import { useCompany, useMyCompanies } from './company-api'
import { CompanyBillingForm } from './company-billing-form'
import { CompanyProfileForm } from './company-profile-form'
import { TeamSection } from './team-section'

/** Company profile, billing and payment terms, and the hiring team. Only company admins edit. */
export function CompanySettingsPage() {
  const { t } = useTranslation()
  const id = useParams().id ?? ''
  const viewer = useViewer()
  const { companies } = useMyCompanies()
  const company = useCompany(id)
  usePageTitle(t('splits.companySettings.title'))
  const canEdit = viewer.admin || companies.some((c) => c.id === id && c.isAdmin)
  const onTeam = viewer.admin || companies.some((c) => c.id === id)

  if (isNotFound(company.error)) return <NotFoundState error={company.error} />
  return (
    <>
      <PageHeader
        title={t('splits.companySettings.title')}
        description={company.data?.name ?? t('splits.companySettings.description')}
      />
      {company.isPending && <LoadingState />}
      {company.isError && (
        <QueryError
          error={company.error}
          signInTitle={t('splits.companySettings.signInRequired')}
          onRetry={() => company.refetch()}
        />
      )}
      {company.isSuccess && (
        <Stack gap="xl">
          {!canEdit && (
            <Alert variant="light" icon={<IconLock size={18} />}>
              {t('splits.companySettings.readOnly')}
            </Alert>
          )}
          <SectionCard title={t('splits.companySettings.profile')}>
            <CompanyProfileForm key={company.data.name} company={company.data} canEdit={canEdit} />
          </SectionCard>
          <SectionCard title={t('splits.companySettings.billing')}>
            <CompanyBillingForm company={company.data} canEdit={canEdit} />
          </SectionCard>
          {onTeam && (
            <SectionCard title={t('splits.companySettings.team')}>
              <TeamSection companyId={id} canEdit={canEdit} />
            </SectionCard>
          )}
        </Stack>
      )}
    </>
  )
}
