import { Button, SimpleGrid, Stack } from '@mantine/core'
import { IconLogout } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { isAuthError } from '../../api/client'
import { useMarketplace } from '../../app/marketplace-context'
import { usePageTitle } from '../../app/use-page-title'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { SectionCard } from '../../components/section-card'
import { SignInRequiredAlert } from '../../components/sign-in-required-alert'
import { useSignOut } from '../auth/auth-api'
import { useAccount } from './account-api'
import { ContactsList } from './contacts-list'
import { InvitationsSection } from './invitations-section'
import { MembershipsTable } from './memberships-table'
import { ProfileForm } from './profile-form'
import { SessionsSection } from './sessions-section'

/** The signed-in person's own account, in the language of the marketplace it is opened from. */
export function AccountPage() {
  const { t } = useTranslation()
  usePageTitle(t('common.account.pageTitle'))
  const navigate = useNavigate()
  const { homePath } = useMarketplace()
  const account = useAccount()
  const signOut = useSignOut()
  const authError = isAuthError(account.error) ? account.error : undefined

  const signOutButton = (
    <Button
      variant="default"
      leftSection={<IconLogout size={16} />}
      loading={signOut.isPending}
      onClick={() => signOut.mutate(undefined, { onSettled: () => navigate(homePath) })}
    >
      {t('common.userMenu.signOut')}
    </Button>
  )

  return (
    <>
      <PageHeader
        title={t('common.account.title')}
        description={t('common.account.description')}
        actions={account.isSuccess ? signOutButton : undefined}
      />
      {authError && <SignInRequiredAlert error={authError} title={t('common.account.signInTitle')} />}
      {account.isPending && <LoadingState />}
      {account.isError && !authError && (
        <ErrorAlert error={account.error} onRetry={() => account.refetch()} />
      )}
      {account.isSuccess && (
        <Stack gap="xl">
          <InvitationsSection />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
            <SectionCard title={t('common.account.profile.title')}>
              <ProfileForm account={account.data} />
            </SectionCard>
            <SectionCard title={t('common.account.contacts.title')}>
              <ContactsList account={account.data} />
            </SectionCard>
          </SimpleGrid>
          <SectionCard title={t('common.account.memberships.title')}>
            <MembershipsTable memberships={account.data.memberships} />
          </SectionCard>
          <SessionsSection />
        </Stack>
      )}
    </>
  )
}
