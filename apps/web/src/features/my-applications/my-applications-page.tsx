import { useTranslation } from 'react-i18next'
import { usePageTitle } from '../../app/use-page-title'
import { PageHeader } from '../../components/page-header'
import { MyApplicationsList } from './my-applications-list'

/** The candidate's own applications, read-only. */
export function MyApplicationsPage() {
  const { t } = useTranslation()
  usePageTitle(t('splits.myApplications.title'))
  return (
    <>
      <PageHeader
        title={t('splits.myApplications.title')}
        description={t('splits.myApplications.description')}
      />
      <MyApplicationsList />
    </>
  )
}
