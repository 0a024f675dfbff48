import { createBrowserRouter } from 'react-router'
import { AccountPage } from '../features/account/account-page'
import { AdminApplicationsPage } from '../features/admin-applications/admin-applications-page'
import { CompaniesPage } from '../features/admin-companies/companies-page'
import { AdminInvoicePage } from '../features/admin-finance/admin-invoice-page'
import { AdminInvoicesPage } from '../features/admin-finance/admin-invoices-page'
import { ContractNewPage } from '../features/admin-finance/contract-new-page'
import { ContractPage } from '../features/admin-finance/contract-page'
import { ContractsPage } from '../features/admin-finance/contracts-page'
import { LedgerAccountPage } from '../features/admin-finance/ledger-account-page'
import { LedgerAccountsPage } from '../features/admin-finance/ledger-accounts-page'
import { LedgerPostingPage } from '../features/admin-finance/ledger-posting-page'
import { PayoutAuditPage } from '../features/admin-finance/payout-audit-page'
import { JobsPage } from '../features/admin-jobs/jobs-page'
import { UserDetailPage } from '../features/admin-users/user-detail-page'
import { UsersPage } from '../features/admin-users/users-page'
import { ApplicationPage } from '../features/applications/application-page'
import { PipelinePage } from '../features/applications/pipeline-page'
import { MagicLinkPage } from '../features/auth/magic-link-page'
import { OfairSignInPage } from '../features/auth/ofair-sign-in-page'
import { SplitsSignInPage } from '../features/auth/splits-sign-in-page'
import { CandidateDetailPage } from '../features/candidates/candidate-detail-page'
import { CandidatesPage } from '../features/candidates/candidates-page'
import { CompanyDashboardPage } from '../features/company/company-dashboard-page'
import { CompanySettingsPage } from '../features/company/company-settings-page'
import { BillingPage } from '../features/company-billing/billing-page'
import { CompanyInvoicePage } from '../features/company-billing/company-invoice-page'
import { OutboxPage } from '../features/dev-outbox/outbox-page'
import { CompanyProfilePage } from '../features/discovery/company-profile-page'
import { RecruiterProfilePage } from '../features/discovery/recruiter-profile-page'
import { SavedSearchesPage } from '../features/discovery/saved-searches-page'
import { DisputeDetailPage } from '../features/disputes/dispute-detail-page'
import { DisputesPage } from '../features/disputes/disputes-page'
import { InterviewPage } from '../features/interviews/interview-page'
import { InterviewsPage } from '../features/interviews/interviews-page'
import { LandingPage } from '../features/landing/landing-page'
import { MyApplicationsPage } from '../features/my-applications/my-applications-page'
import { NotFoundPage } from '../features/not-found/not-found-page'
import { NotificationsPage } from '../features/notifications/notifications-page'
import { PreferencesPage } from '../features/notifications/preferences-page'
import { UnsubscribePage } from '../features/notifications/unsubscribe-page'
import { AdminDisputePage, AdminDisputesPage } from '../features/ofair-admin-disputes/disputes-pages'
import { AdminFinancePage } from '../features/ofair-admin-finance/admin-finance-page'
import { AdminLeadsTablePage } from '../features/ofair-admin-leads/admin-leads-table-page'
import { AdminDeliveriesPage } from '../features/ofair-admin-notifications/deliveries-page'
import { AdminPiiLogPage } from '../features/ofair-admin-pii/pii-log-page'
import { AdminUsersPage } from '../features/ofair-admin-users/admin-users-page'
import { ChatsPage } from '../features/ofair-chat/chats-page'
import { OfairHomePage } from '../features/ofair-home/ofair-home-page'
import { OfairAdminInvoicesPage } from '../features/ofair-invoices/admin-invoices-page'
import { OfairInvoicesPage } from '../features/ofair-invoices/invoices-page'
import { CreateLeadPage } from '../features/ofair-leads/create-lead-page'
import { LeadBoardPage } from '../features/ofair-leads/lead-board-page'
import { LeadDetailPage } from '../features/ofair-leads/lead-detail-page'
import { MyLeadsPage } from '../features/ofair-leads/my-leads-page'
import { MyProposalsPage } from '../features/ofair-leads/my-proposals-page'
import { RequestPage } from '../features/ofair-leads/request-page'
import { AdminCollectionPage } from '../features/ofair-payment-method/admin-collection-page'
import { PaymentMethodPage } from '../features/ofair-payment-method/payment-method-page'
import { AdminProfessionalsPage } from '../features/ofair-pros/admin-professionals-page'
import { ProfessionalPage } from '../features/ofair-pros/professional-page'
import { ProfilePage } from '../features/ofair-pros/profile-page'
import { ReferralsPage } from '../features/ofair-referrals/referrals-page'
import { AdminReviewsPage } from '../features/ofair-reviews/admin-reviews-page'
import { NotifySettingsPage } from '../features/ofair-settings/notify-settings-page'
import { WalletPage } from '../features/ofair-wallet/wallet-page'
import { AdminPayoutPage } from '../features/payouts/admin-payout-page'
import { PlacementPayoutsPage } from '../features/payouts/placement-payouts-page'
import { PlacementDetailPage } from '../features/placements/placement-detail-page'
import { PlacementsPage } from '../features/placements/placements-page'
import { RoleDetailPage } from '../features/roles/role-detail-page'
import { RoleEditPage } from '../features/roles/role-edit-page'
import { RoleNewPage } from '../features/roles/role-new-page'
import { RolesPage } from '../features/roles/roles-page'
import { AdminConversationReportsPage } from '../features/splits-chat/admin-reports-page'
import { SplitsMessagesPage } from '../features/splits-chat/messages-page'
import { SplitsHomePage } from '../features/splits-home/splits-home-page'
import { CenteredLayout } from './layout/centered-layout'
import { OfairLayout } from './layout/ofair-layout'
import { PlatformLayout } from './layout/platform-layout'
import { SplitsLayout } from './layout/splits-layout'
import { MarketplaceScope } from './marketplace-scope'
import { RouteErrorPage } from './route-error-page'

/**
 * Every route of the app. Each top-level branch is wrapped in a MarketplaceScope, which decides the
 * language, direction and theme of everything under it: add a page to the branch it belongs to.
 */
export const router = createBrowserRouter([
  {
    ErrorBoundary: RouteErrorPage,
    children: [
      {
        // Splits Network: English, left to right. Platform admin screens live here too.
        element: <MarketplaceScope marketplace="splits" />,
        children: [
          {
            Component: SplitsLayout,
            children: [
              { path: 'splits', Component: SplitsHomePage },
              { path: 'splits/roles', Component: RolesPage },
              { path: 'splits/roles/new', Component: RoleNewPage },
              { path: 'splits/roles/:id', Component: RoleDetailPage },
              { path: 'splits/roles/:id/edit', Component: RoleEditPage },
              { path: 'splits/saved-searches', Component: SavedSearchesPage },
              { path: 'splits/companies/:slug', Component: CompanyProfilePage },
              { path: 'splits/recruiters/:id', Component: RecruiterProfilePage },
              { path: 'splits/candidates', Component: CandidatesPage },
              { path: 'splits/candidates/:id', Component: CandidateDetailPage },
              { path: 'splits/pipeline', Component: PipelinePage },
              { path: 'splits/applications/:id', Component: ApplicationPage },
              { path: 'splits/messages', Component: SplitsMessagesPage },
              { path: 'splits/interviews', Component: InterviewsPage },
              { path: 'splits/interviews/:id', Component: InterviewPage },
              { path: 'splits/company', Component: CompanyDashboardPage },
              { path: 'splits/companies/:id/settings', Component: CompanySettingsPage },
              { path: 'splits/placements', Component: PlacementsPage },
              { path: 'splits/placements/:id', Component: PlacementDetailPage },
              { path: 'splits/billing', Component: BillingPage },
              { path: 'splits/billing/invoices/:id', Component: CompanyInvoicePage },
              {
                path: 'splits/earnings',
                // with a chart: loads the charts library on its own, like the finance overview
                lazy: async () => ({
                  Component: (await import('../features/payouts/earnings-page')).EarningsPage,
                }),
              },
              { path: 'splits/earnings/placements/:id', Component: PlacementPayoutsPage },
              {
                path: 'splits/plans',
                lazy: async () => ({ Component: (await import('../features/plans/plans-page')).PlansPage }),
              },
              { path: 'splits/my-applications', Component: MyApplicationsPage },
              { path: 'splits/notifications', Component: NotificationsPage },
              { path: 'splits/account', Component: AccountPage },
              { path: 'splits/account/notifications', Component: PreferencesPage },
              { path: 'splits/*', Component: NotFoundPage },
              { path: 'admin/jobs', Component: JobsPage },
              {
                path: 'admin/flags',
                lazy: async () => ({ Component: (await import('../features/flags/flags-page')).FlagsPage }),
              },
              {
                path: 'admin/ai-matches',
                lazy: async () => ({
                  Component: (await import('../features/matching/ai-matches-page')).AiMatchesPage,
                }),
              },
              {
                path: 'admin/decisions',
                // with a chart: loads the charts library on its own
                lazy: async () => ({
                  Component: (await import('../features/matching/decisions-page')).DecisionsPage,
                }),
              },
              {
                path: 'admin/automation',
                // with charts: loads the charts library on its own
                lazy: async () => ({
                  Component: (await import('../features/automation/automation-page')).AutomationPage,
                }),
              },
              {
                path: 'admin/fraud',
                lazy: async () => ({ Component: (await import('../features/fraud/fraud-page')).FraudPage }),
              },
              {
                path: 'admin/fraud/:id',
                lazy: async () => ({
                  Component: (await import('../features/fraud/signal-page')).FraudSignalPage,
                }),
              },
              {
                path: 'admin/health',
                // with charts: loads the charts library on its own
                lazy: async () => ({
                  Component: (await import('../features/admin-health/health-page')).HealthPage,
                }),
              },
              { path: 'admin/users', Component: UsersPage },
              { path: 'admin/users/:id', Component: UserDetailPage },
              { path: 'admin/companies', Component: CompaniesPage },
              { path: 'admin/applications', Component: AdminApplicationsPage },
              { path: 'admin/disputes', Component: DisputesPage },
              { path: 'admin/conversation-reports', Component: AdminConversationReportsPage },
              { path: 'admin/disputes/:id', Component: DisputeDetailPage },
              {
                path: 'admin/finance',
                // The charts library is large: the overview loads it on its own.
                lazy: async () => ({
                  Component: (await import('../features/admin-finance/finance-overview-page'))
                    .FinanceOverviewPage,
                }),
              },
              {
                path: 'admin/plans',
                // with charts: loads the charts library on its own
                lazy: async () => ({
                  Component: (await import('../features/admin-plans/admin-plans-page')).AdminPlansPage,
                }),
              },
              { path: 'admin/finance/invoices', Component: AdminInvoicesPage },
              { path: 'admin/finance/invoices/:id', Component: AdminInvoicePage },
              { path: 'admin/finance/ledger', Component: LedgerAccountsPage },
              { path: 'admin/finance/ledger/accounts/:id', Component: LedgerAccountPage },
              { path: 'admin/finance/ledger/postings/:id', Component: LedgerPostingPage },
              { path: 'admin/finance/audit', Component: PayoutAuditPage },
              {
                path: 'admin/finance/payouts',
                lazy: async () => ({
                  Component: (await import('../features/payouts/admin-payouts-page')).AdminPayoutsPage,
                }),
              },
              { path: 'admin/finance/payouts/:id', Component: AdminPayoutPage },
              { path: 'admin/finance/contracts', Component: ContractsPage },
              { path: 'admin/finance/contracts/new', Component: ContractNewPage },
              { path: 'admin/finance/contracts/:id', Component: ContractPage },
            ],
          },
          {
            Component: CenteredLayout,
            children: [
              { path: 'sign-in', Component: SplitsSignInPage },
              // Emailed magic links land here; the token is in the fragment (see MagicLinkPage).
              { path: 'auth/magic', Component: MagicLinkPage },
            ],
          },
        ],
      },
      {
        // OFAIR: Hebrew, right to left.
        path: 'ofair',
        element: <MarketplaceScope marketplace="ofair" />,
        children: [
          {
            Component: OfairLayout,
            children: [
              { index: true, Component: OfairHomePage },
              { path: 'leads', Component: LeadBoardPage },
              { path: 'leads/new', Component: CreateLeadPage },
              { path: 'leads/:id', Component: LeadDetailPage },
              { path: 'my-leads', Component: MyLeadsPage },
              { path: 'chats', Component: ChatsPage },
              { path: 'request', Component: RequestPage },
              { path: 'referrals', Component: ReferralsPage },
              { path: 'offers', Component: MyProposalsPage },
              { path: 'profile', Component: ProfilePage },
              { path: 'pros/:id', Component: ProfessionalPage },
              { path: 'admin/professionals', Component: AdminProfessionalsPage },
              { path: 'admin/reviews', Component: AdminReviewsPage },
              { path: 'admin/leads', Component: AdminLeadsTablePage },
              { path: 'admin/users', Component: AdminUsersPage },
              { path: 'admin/disputes', Component: AdminDisputesPage },
              { path: 'admin/disputes/:id', Component: AdminDisputePage },
              { path: 'admin/pii-log', Component: AdminPiiLogPage },
              { path: 'admin/notifications', Component: AdminDeliveriesPage },
              {
                path: 'admin/analytics',
                // with charts: loads the charts library on its own
                lazy: async () => ({
                  Component: (await import('../features/ofair-admin-analytics/analytics-page'))
                    .AdminAnalyticsPage,
                }),
              },
              { path: 'invoices', Component: OfairInvoicesPage },
              { path: 'admin/invoices', Component: OfairAdminInvoicesPage },
              { path: 'payment-method', Component: PaymentMethodPage },
              { path: 'admin/collection', Component: AdminCollectionPage },
              { path: 'wallet', Component: WalletPage },
              { path: 'admin/finance', Component: AdminFinancePage },
              { path: 'settings', Component: NotifySettingsPage },
              { path: 'account', Component: AccountPage },
              { path: '*', Component: NotFoundPage },
            ],
          },
          { Component: CenteredLayout, children: [{ path: 'sign-in', Component: OfairSignInPage }] },
        ],
      },
      {
        // Pages that belong to neither marketplace.
        element: <MarketplaceScope marketplace="platform" />,
        children: [
          {
            Component: PlatformLayout,
            children: [
              { index: true, Component: LandingPage },
              // Demo mode: the messages the platform "sent" (sign-in codes and links).
              { path: 'dev/outbox', Component: OutboxPage },
              // The link at the foot of marketing messages (no session needed).
              { path: 'notifications/unsubscribe', Component: UnsubscribePage },
              { path: '*', Component: NotFoundPage },
            ],
          },
        ],
      },
    ],
  },
])
