// Generated from the server's OpenAPI document by scripts/generate-api-types.ts. Do not edit:
// run `npm run api:types`.
export interface paths {
    "/api/account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My profile, contacts and memberships
         * @description **Access:** Any signed-in user. The caller’s own account only.
         */
        get: operations["getMyAccount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change my display name or language
         * @description **Access:** Any signed-in user. The caller’s own account only.
         */
        patch: operations["updateMyAccount"];
        trace?: never;
    };
    "/api/account/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Open invitations to join an organisation, sent to my email address
         * @description **Access:** Any signed-in user. Invitations to the caller’s own email address only.
         */
        get: operations["listMyInvitations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/account/invitations/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept an invitation: the role is granted now (sign in again or reload to use it)
         * @description **Access:** Any signed-in user. Invitations to the caller’s own email address only.
         */
        post: operations["acceptInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/account/invitations/{id}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decline an invitation
         * @description **Access:** Any signed-in user. Invitations to the caller’s own email address only.
         */
        post: operations["declineInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/account/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My live sessions
         * @description **Access:** Any signed-in user. Only the caller’s own sessions; another person’s session answers 404.
         */
        get: operations["listMySessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/account/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke one of my sessions (sign another device out)
         * @description **Access:** Any signed-in user. Only the caller’s own sessions; another person’s session answers 404.
         */
        delete: operations["revokeMySession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/finance/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Revenue, collections and refunds by month, receivables ageing, and balances held
         * @description **Access:** Roles: platform_admin. Platform admins (finance).
         */
        get: operations["getFinanceSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Job queues with their sizes and the job catalog
         * @description **Access:** Roles: platform_admin. Platform admins (operators).
         */
        get: operations["listJobQueues"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/jobs/dead": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Jobs that exhausted their retries (dead-lettered)
         * @description **Access:** Roles: platform_admin. Platform admins (operators).
         */
        get: operations["listDeadJobs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/jobs/dead/{queue}/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a dead-lettered job back to its queue for a fresh set of attempts
         * @description **Access:** Roles: platform_admin. Platform admins (operators).
         */
        post: operations["retryDeadJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/ledger/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Ledger accounts with their balances
         * @description **Access:** Roles: platform_admin. Platform admins (finance).
         */
        get: operations["listLedgerAccounts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/ledger/accounts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One account and its balance
         * @description **Access:** Roles: platform_admin. Platform admins (finance).
         */
        get: operations["getLedgerAccount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/ledger/accounts/{id}/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An account’s entries, newest first, each with the balance after it
         * @description **Access:** Roles: platform_admin. Platform admins (finance).
         */
        get: operations["listLedgerAccountEntries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/ledger/postings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every posting about one business object (an invoice, a payment, a placement)
         * @description **Access:** Roles: platform_admin. Platform admins (finance).
         */
        get: operations["listLedgerPostingsAbout"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/ledger/postings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One posting with its entries, its business reference and any reversal
         * @description **Access:** Roles: platform_admin. Platform admins (finance).
         */
        get: operations["getLedgerPosting"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/ledger/reconciliation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prove the ledger now: postings balance, balances equal entries, no forbidden negative, audit chain intact
         * @description **Access:** Roles: platform_admin. Platform admins (finance).
         */
        get: operations["reconcileLedger"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/organizations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find organisations (to grant roles in)
         * @description **Access:** Roles: platform_admin.
         */
        get: operations["searchOrganizations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/payout-audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The payout audit log: every change of money documents, newest first
         * @description **Access:** Roles: platform_admin. Platform admins (finance).
         */
        get: operations["listPayoutAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/payout-audit/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Recompute the payout audit hash chain and name the first row that does not verify
         * @description **Access:** Roles: platform_admin. Platform admins (finance).
         */
        get: operations["verifyPayoutAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search people (contacts masked)
         * @description **Access:** Roles: platform_admin.
         */
        get: operations["searchUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One person: contacts (the reveal is logged), memberships, audit trail
         * @description **Access:** Roles: platform_admin.
         */
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{id}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What was recorded about a person, newest first: suspensions, roles, sessions ended, invitations answered
         * @description **Access:** Roles: platform_admin.
         */
        get: operations["listUserAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{id}/memberships": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Grant a role in an organisation (audited)
         * @description **Access:** Roles: platform_admin.
         */
        post: operations["grantRole"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{id}/memberships/{membershipId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a role (audited)
         * @description **Access:** Roles: platform_admin.
         */
        delete: operations["revokeRole"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{id}/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reactivate a suspended person (audited)
         * @description **Access:** Roles: platform_admin.
         */
        post: operations["reactivateUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{id}/sessions/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign a person out everywhere: every live session ends at once (audited)
         * @description An admin’s own sessions are refused (409): end them from the account page.
         *
         *     **Access:** Roles: platform_admin.
         */
        post: operations["revokeUserSessions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{id}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Suspend a person: their sessions end at once (audited)
         * @description **Access:** Roles: platform_admin.
         */
        post: operations["suspendUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Applications: a recruiter’s submissions, a company’s incoming candidates
         * @description **Access:** Roles: recruiter, company_admin, hiring_manager, platform_admin. The submitting recruiter, the company’s hiring team, platform admins (enforced again by row-level security).
         */
        get: operations["listApplications"];
        put?: never;
        /**
         * Submit a candidate you represent to an open role you can see
         * @description Gives you the right to represent the person to the company for 12 months. If another recruiter already holds it, the answer is 409 duplicate_candidate with a dispute_id you can dispute.
         *
         *     **Access:** Roles: recruiter. Recruiters, for the candidates they represent.
         */
        post: operations["submitApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One application with its stage history
         * @description **Access:** Roles: recruiter, company_admin, hiring_manager, platform_admin. The submitting recruiter, the company’s hiring team, platform admins (enforced again by row-level security).
         */
        get: operations["getApplication"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{id}/hire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark an offer accepted: hired, and a placement is made (the last opening fills the role)
         * @description **Access:** Roles: company_admin, hiring_manager, platform_admin. Only the company’s hiring team (company admins, hiring managers) and platform admins.
         */
        post: operations["hireApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/applications/{id}/stage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move to the next stage, reject (reason required) or withdraw
         * @description Send the `version` you loaded: a move made by someone else since answers 409 version_conflict.
         *
         *     **Access:** Roles: recruiter, company_admin, hiring_manager, platform_admin. The hiring team moves forward one stage or rejects (with a reason); the submitting recruiter withdraws.
         */
        post: operations["moveApplicationStage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/email/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Splits Network: email a one-time code and a magic link
         * @description Always answers 202 with a challenge, whether or not an account exists. Limits: 1 a minute, 5 an hour, 10 a day per address; a configurable ceiling per client network address.
         *
         *     **Access:** Public. Sign-in.
         */
        post: operations["startEmailSignIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/magic-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Consume a magic link (the POST from its confirmation page)
         * @description The link's GET only shows a confirmation page, so mail scanners that fetch links cannot use it up.
         *
         *     **Access:** Public. Sign-in.
         */
        post: operations["consumeMagicLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/phone/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * OFAIR: text a one-time code to an Israeli mobile number
         * @description Accepts 050-…, +972…, 972… or 00972…; only valid Israeli mobile numbers. Errors carry a Hebrew `user_message`. Limits: 1 a minute, 5 an hour, 10 a day per number; a configurable ceiling per client network address.
         *
         *     **Access:** Public. Sign-in.
         */
        post: operations["startPhoneSignIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke a session of mine (the current one if no id is given)
         * @description **Access:** Any signed-in user. Only the caller’s own sessions; another person’s session answers 404.
         */
        post: operations["revokeSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who am I? The current session, its CSRF token and roles
         * @description **Access:** Public. Answers for anyone; signed_in tells whether the caller has a session.
         */
        get: operations["getCurrentSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out: revoke the current session
         * @description **Access:** Any signed-in user. Ends the caller’s own session.
         */
        post: operations["signOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a one-time code for a session
         * @description Five wrong codes lock the challenge. A new sign-in ends the session this client held before.
         *
         *     **Access:** Public. Sign-in.
         */
        post: operations["verifySignInCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My candidates (all, for platform admins), newest first, with text search
         * @description **Access:** Roles: recruiter, platform_admin. A recruiter sees only the candidates they represent; platform admins see all.
         */
        get: operations["listCandidates"];
        put?: never;
        /**
         * Add a candidate you represent (warns when other recruiters represent the same person)
         * @description Duplicates are matched on normalised email, phone, LinkedIn and GitHub. Your own duplicate answers 409 duplicate_candidate (also when two adds race); another recruiter’s record comes back as a warning naming only where that person is represented.
         *
         *     **Access:** Roles: recruiter. Recruiters, for the candidates they represent.
         */
        post: operations["createCandidate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/candidates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One candidate
         * @description **Access:** Roles: recruiter, company_admin, hiring_manager, platform_admin. The representing recruiter; a hiring team for people submitted to its company, seeing only what concerns its own roles (contact details shown are logged); the recruiters on a placement of the person (profile only); platform admins.
         */
        get: operations["getCandidate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a candidate (the representing recruiter)
         * @description Send the `version` you loaded: a change made by someone else since answers 409 version_conflict.
         *
         *     **Access:** Roles: recruiter, platform_admin. A recruiter sees only the candidates they represent; platform admins see all.
         */
        patch: operations["updateCandidate"];
        trace?: never;
    };
    "/api/candidates/duplicate-check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Is this person already in the network? (as you type, before adding or submitting)
         * @description **Access:** Roles: recruiter. Recruiters, for the candidates they represent.
         */
        post: operations["checkCandidateDuplicates"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/companies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Companies on the network, with their open roles
         * @description **Access:** Roles: recruiter, company_admin, hiring_manager, platform_admin. Any Splits Network member: the directory of hiring companies.
         */
        get: operations["listCompanies"];
        put?: never;
        /**
         * Add a company to the network
         * @description **Access:** Roles: platform_admin.
         */
        post: operations["createCompany"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/companies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One company
         * @description **Access:** Roles: recruiter, company_admin, hiring_manager, platform_admin. Any Splits Network member; billing details only for the company’s team and admins.
         */
        get: operations["getCompany"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the company profile, billing details or payment terms
         * @description Send the `version` you loaded: a change made by someone else since answers 409 version_conflict.
         *
         *     **Access:** Roles: company_admin, platform_admin. Only the company’s admins and platform admins.
         */
        patch: operations["updateCompany"];
        trace?: never;
    };
    "/api/companies/{id}/billing-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How a company is invoiced, and what a fall-off does with money paid
         * @description **Access:** Roles: company_admin, platform_admin. A company’s admins for their company’s invoices; platform admins for all.
         */
        get: operations["getCompanyBillingSettings"];
        /**
         * Choose per-placement or monthly invoices, when to invoice, and refund or credit on a fall-off
         * @description **Access:** Roles: company_admin, platform_admin. A company’s admins for their company’s invoices; platform admins for all.
         */
        put: operations["setCompanyBillingSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/companies/{id}/team": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The hiring team: active members, and open invitations for the company’s admins
         * @description **Access:** Roles: company_admin, hiring_manager, platform_admin. The company’s hiring team and platform admins; open invitations only for its admins.
         */
        get: operations["listCompanyTeam"];
        put?: never;
        /**
         * Invite a company admin or hiring manager by email; they join when they accept
         * @description Nothing is granted until the person, signed in with that address, accepts the invitation (`POST /api/account/invitations/{id}/accept`). Inviting someone who already holds the role, or has an open invitation to it, answers 409.
         *
         *     **Access:** Roles: company_admin, platform_admin. Only the company’s admins and platform admins.
         */
        post: operations["inviteCompanyTeamMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/companies/{id}/team/invitations/{invitationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Withdraw an open invitation to the hiring team
         * @description **Access:** Roles: company_admin, platform_admin. Only the company’s admins and platform admins.
         */
        delete: operations["revokeCompanyTeamInvitation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contracts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Custom contracts of companies
         * @description **Access:** Roles: platform_admin. Platform admins (finance).
         */
        get: operations["listContracts"];
        put?: never;
        /**
         * Propose a custom contract for a company (applies once approved)
         * @description Send an `Idempotency-Key` header (any unique string, e.g. a UUID) to make retries safe: a replay returns the first answer, the same key with a different request is a 409 `idempotency_key_reused`.
         *
         *     **Access:** Roles: platform_admin. Platform admins (finance).
         */
        post: operations["createContract"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contracts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One custom contract
         * @description **Access:** Roles: platform_admin. Platform admins (finance).
         */
        get: operations["getContract"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contracts/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve a pending contract: it prices placements from its start date
         * @description **Access:** Roles: platform_admin. Platform admins (finance).
         */
        post: operations["approveContract"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/contracts/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject a pending contract
         * @description **Access:** Roles: platform_admin. Platform admins (finance).
         */
        post: operations["rejectContract"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dev/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The latest messages sent (emails, SMS), newest first
         * @description **Access:** Public. Demo mode only: this route does not exist in production.
         */
        get: operations["listDevOutbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dev/personas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Demo people you can sign in as
         * @description **Access:** Public. Demo mode only: this route does not exist in production.
         */
        get: operations["listDemoPersonas"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/errors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every error code the API can return, with its HTTP status
         * @description **Access:** Public.
         */
        get: operations["listErrorCodes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Invoices, newest first (a company’s admins see their company’s)
         * @description **Access:** Roles: company_admin, platform_admin. A company’s admins for their company’s invoices; platform admins for all.
         */
        get: operations["listInvoices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invoices/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One invoice with its lines, payments, refunds and credit notes
         * @description **Access:** Roles: company_admin, platform_admin. A company’s admins for their company’s invoices; platform admins for all.
         */
        get: operations["getInvoice"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invoices/{id}.pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The invoice as a PDF (A4, printed by Chromium)
         * @description **Access:** Roles: company_admin, platform_admin. A company’s admins for their company’s invoices; platform admins for all.
         */
        get: operations["getInvoicePdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invoices/{id}/document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The invoice as an HTML document (what the PDF prints)
         * @description **Access:** Roles: company_admin, platform_admin. A company’s admins for their company’s invoices; platform admins for all.
         */
        get: operations["getInvoiceDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invoices/{id}/pay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pay an invoice (in full unless an amount is given) by card or bank debit
         * @description Charges the payment method through the payment provider. A card payment usually succeeds at once; a bank debit is `processing` until the provider confirms it (the invoice updates then).
         *
         *     Send an `Idempotency-Key` header (any unique string, e.g. a UUID) to make retries safe: a replay returns the first answer, the same key with a different request is a 409 `idempotency_key_reused`.
         *
         *     **Access:** Roles: company_admin, platform_admin. A company’s admins for their company’s invoices; platform admins for all.
         */
        post: operations["payInvoice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invoices/{id}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a bank transfer the company made (applied at once)
         * @description Send an `Idempotency-Key` header (any unique string, e.g. a UUID) to make retries safe: a replay returns the first answer, the same key with a different request is a 409 `idempotency_key_reused`.
         *
         *     **Access:** Roles: platform_admin. Platform admins (finance).
         */
        post: operations["recordInvoicePayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My own applications, as a candidate (read-only)
         * @description The applications of the candidate records whose contact email is your signed-in, verified email address: role, company, stage and dates, never recruiters’ notes. Enforced in SQL (a security-definer function applying the rule itself).
         *
         *     **Access:** Roles: candidate. A candidate, for the records that carry her own verified email address.
         */
        get: operations["listMyApplications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My notifications, newest first
         * @description **Access:** Any signed-in user. The caller’s own notifications only (enforced again by row-level security).
         */
        get: operations["listNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark one read
         * @description **Access:** Any signed-in user. The caller’s own notifications only (enforced again by row-level security).
         */
        post: operations["markNotificationRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Which notices reach me, in the app and by email
         * @description **Access:** Any signed-in user. The caller’s own notifications only (enforced again by row-level security).
         */
        get: operations["getNotificationPreferences"];
        /**
         * Choose channels per notice kind
         * @description **Access:** Any signed-in user. The caller’s own notifications only (enforced again by row-level security).
         */
        put: operations["setNotificationPreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark all read
         * @description **Access:** Any signed-in user. The caller’s own notifications only (enforced again by row-level security).
         */
        post: operations["markAllNotificationsRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/notifications/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How many unread (the bell)
         * @description **Access:** Any signed-in user. The caller’s own notifications only (enforced again by row-level security).
         */
        get: operations["countUnreadNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ofair/admin/contact-access-logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Admin: who saw which lead’s client details, when, from where (newest first)
         * @description **Access:** Roles: ofair_admin. OFAIR admins; each read of personal data is logged.
         */
        get: operations["listOfairContactAccessLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ofair/admin/leads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Admin: every lead, newest first, by status, type and words in the title
         * @description **Access:** Roles: ofair_admin. OFAIR admins; each read of personal data is logged.
         */
        get: operations["listOfairLeadsForAdmin"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ofair/admin/leads/{id}/remove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Admin: take a lead down, with the reason (audited)
         * @description **Access:** Roles: ofair_admin. OFAIR admins; each read of personal data is logged.
         */
        post: operations["removeOfairLead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ofair/admin/professionals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Admin: professionals to verify, newest first, with certificates and business numbers
         * @description **Access:** Roles: ofair_admin. OFAIR admins; each read of personal data is logged.
         */
        get: operations["listOfairProfessionalsForAdmin"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ofair/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The Hebrew category taxonomy (categories with their subcategories)
         * @description **Access:** Public. Anyone; no personal data.
         */
        get: operations["listOfairCategories"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ofair/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a certificate, a lead attachment or a proposal photo (raw bytes, at most 5 MB)
         * @description Send the file as the body (`Content-Type: application/octet-stream` or its own type). The type is read from the file’s first bytes: JPEG, PNG, WebP or PDF only (415 `file_type_not_allowed`); larger than 5 MB is a 413 `file_too_large` (far larger bodies are cut off before they are read: 413 `payload_too_large`). The file stays private: links to it are signed and expire after 5 minutes.
         *
         *     **Access:** Roles: consumer, professional, ofair_admin. Any OFAIR member (consumer, professional or admin).
         */
        post: operations["uploadOfairFile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ofair/files/{id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A private file, through a signed link that expires
         * @description The link comes from the API where the caller may see the file. An expired or altered link is a 403 `link_expired`.
         *
         *     **Access:** Public. Whoever holds a signed, unexpired link (the signature is the permission).
         */
        get: operations["getOfairFileContent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ofair/leads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish a lead: a consumer’s request or a professional’s lead
         * @description A consumer request is published under the phone number the consumer confirmed with a one-time code (sign in by phone first: POST /api/auth/phone/start, /api/auth/verify); no phone in the body. A professional lead (verified professionals) carries the client’s details, an estimated budget and the uploader’s share of 0-90% (`share_too_high` above).
         *
         *     **Access:** Roles: consumer, professional, ofair_admin. Any OFAIR member (consumer, professional or admin).
         */
        post: operations["createOfairLead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ofair/leads/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A lead (its client’s details only through …/client)
         * @description **Access:** Roles: consumer, professional, ofair_admin. The lead’s owner, professionals (an active lead; a closed one only if they take part in it) and admins. Row-level security applies the same rule.
         */
        get: operations["getOfairLead"];
        /**
         * The owner changes an open lead (send the version you loaded)
         * @description The uploader’s share is fixed once the lead has referrals or proposals (409 `terms_locked`).
         *
         *     **Access:** Roles: consumer, professional, ofair_admin. Any OFAIR member (consumer, professional or admin).
         */
        put: operations["updateOfairLead"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ofair/leads/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The owner withdraws the lead (open proposals and offers close)
         * @description **Access:** Roles: consumer, professional, ofair_admin. Any OFAIR member (consumer, professional or admin).
         */
        post: operations["cancelOfairLead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ofair/leads/{id}/client": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The client’s name, phone and address: the owner and the accepted professional only
         * @description Every read is logged (contact_access_logs: who, role, IP, user agent, time). Anyone else gets 403 and nothing is logged. Admins read too, each read logged.
         *
         *     **Access:** Roles: consumer, professional, ofair_admin. The lead’s owner, professionals (an active lead; a closed one only if they take part in it) and admins. Row-level security applies the same rule.
         */
        get: operations["getOfairLeadClient"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ofair/leads/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The owner marks the accepted job done, with its final amount
         * @description The referrals that brought the lead to the performer complete. Commissions are settled by the next issue from the stored terms (platform 10% of consumer jobs, 5% of referred jobs, each level’s recorded share).
         *
         *     Send an `Idempotency-Key` header (any unique string, e.g. a UUID) to make retries safe: a replay returns the first answer, the same key with a different request is a 409 `idempotency_key_reused`.
         *
         *     **Access:** Roles: consumer, professional, ofair_admin. Any OFAIR member (consumer, professional or admin).
         */
        post: operations["completeOfairLead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ofair/leads/{id}/proposals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A lead’s proposals: the owner sees all, a professional only their own
         * @description **Access:** Roles: consumer, professional, ofair_admin. The lead’s owner, professionals (an active lead; a closed one only if they take part in it) and admins. Row-level security applies the same rule.
         */
        get: operations["listOfairLeadProposals"];
        put?: never;
        /**
         * Propose a price, description, date and photos for a lead
         * @description Verified professionals, one live proposal per lead (409 `duplicate_proposal`), never on their own lead (422 `own_lead`).
         *
         *     **Access:** Roles: professional. OFAIR professionals.
         */
        post: operations["createOfairProposal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ofair/leads/{id}/share": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refer the lead to chosen professionals (the share recorded at transfer time)
         * @description The uploader offers at level 1 with the lead’s share; a receiver who accepted refers onward with `commission_percentage`. At most 4 levels, the chain at most 90% in total, never to oneself or anyone already in the chain. Each receiver is notified.
         *
         *     **Access:** Roles: professional. OFAIR professionals.
         */
        post: operations["shareOfairLead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ofair/leads/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My requests (consumers) or uploaded leads (professionals), newest first
         * @description **Access:** Roles: consumer, professional, ofair_admin. Any OFAIR member (consumer, professional or admin).
         */
        get: operations["listMyOfairLeads"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ofair/leads/public": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The lead board: active leads near you in your categories (no client details)
         * @description Read from a view without client columns. Defaults: your profession and specialties, your base locality and service radius. Subscribers’ leads are pinned first, then the newest. Distances are from locality to locality.
         *
         *     **Access:** Roles: professional, ofair_admin. OFAIR professionals and admins.
         */
        get: operations["ofairLeadBoard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ofair/localities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Israeli localities with coordinates, searchable in Hebrew
         * @description Coordinates from GeoNames (https://www.geonames.org, CC BY 4.0); Hebrew names written for OFAIR. Names that start with the words come first, then the big cities.
         *
         *     **Access:** Public. Anyone; no personal data.
         */
        get: operations["searchOfairLocalities"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ofair/me/consumer-profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My consumer profile: address and preferences
         * @description **Access:** Roles: consumer. OFAIR consumers, for their own requests and profile.
         */
        get: operations["getOfairConsumerProfile"];
        /**
         * Save my address and preferences
         * @description **Access:** Roles: consumer. OFAIR consumers, for their own requests and profile.
         */
        put: operations["saveOfairConsumerProfile"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ofair/professionals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verified professionals (public: no phone, email, address or business number)
         * @description **Access:** Public. Anyone; no personal data.
         */
        get: operations["listOfairProfessionals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ofair/professionals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A professional’s public profile: rating, reviews and past jobs
         * @description Never a phone, email, address or business number. Profiles awaiting verification are visible to their owner and admins only (404).
         *
         *     **Access:** Public. Anyone; no personal data.
         */
        get: operations["getOfairProfessional"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ofair/professionals/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Admin: verify or reject a professional’s profile (audited)
         * @description **Access:** Roles: ofair_admin. OFAIR admins; each read of personal data is logged.
         */
        post: operations["verifyOfairProfessional"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ofair/professionals/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My professional profile, with my business number, status and certificates
         * @description **Access:** Roles: consumer, professional, ofair_admin. Any OFAIR member (consumer, professional or admin).
         */
        get: operations["getOwnOfairProfessional"];
        /**
         * Onboarding: create or change my professional profile
         * @description The first save creates the profile (pending verification by an admin) and grants the professional role. A changed business number or type sends a verified profile back to verification. Send the `version` you loaded with a change.
         *
         *     **Access:** Roles: consumer, professional, ofair_admin. Any OFAIR member (consumer, professional or admin).
         */
        put: operations["saveOwnOfairProfessional"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ofair/professionals/me/certificates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a certificate (an uploaded file of purpose "certificate") to my profile
         * @description **Access:** Roles: consumer, professional, ofair_admin. Any OFAIR member (consumer, professional or admin).
         */
        post: operations["addOfairCertificate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ofair/proposals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Change my pending proposal (send the version you loaded)
         * @description **Access:** Roles: professional. OFAIR professionals.
         */
        put: operations["updateOfairProposal"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ofair/proposals/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The lead’s owner accepts a proposal and reveals the client’s details to its professional
         * @description One database function accepts the proposal, declines the others, records the owner’s consent (`consent: true`) and reveals the client’s name, phone and address to the winner, writing contact_access_logs and phone_revelations with the IP address, user agent and time. The lead becomes pending.
         *
         *     Send an `Idempotency-Key` header (any unique string, e.g. a UUID) to make retries safe: a replay returns the first answer, the same key with a different request is a 409 `idempotency_key_reused`.
         *
         *     **Access:** Roles: consumer, professional, ofair_admin. Any OFAIR member (consumer, professional or admin).
         */
        post: operations["acceptOfairProposal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ofair/proposals/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw my pending proposal
         * @description **Access:** Roles: professional. OFAIR professionals.
         */
        post: operations["cancelOfairProposal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ofair/proposals/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My proposals, with their leads, newest first
         * @description **Access:** Roles: professional. OFAIR professionals.
         */
        get: operations["listMyOfairProposals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ofair/referrals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Referrals I received (my inbox) or sent
         * @description **Access:** Roles: professional. OFAIR professionals.
         */
        get: operations["listOfairReferrals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ofair/referrals/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept an offer: claim the lead (the other open offers of its level close)
         * @description Send an `Idempotency-Key` header (any unique string, e.g. a UUID) to make retries safe: a replay returns the first answer, the same key with a different request is a 409 `idempotency_key_reused`.
         *
         *     **Access:** Roles: professional. OFAIR professionals.
         */
        post: operations["acceptOfairReferral"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ofair/referrals/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decline an offer
         * @description **Access:** Roles: professional. OFAIR professionals.
         */
        post: operations["rejectOfairReferral"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ownership/disputes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Blocked duplicate submissions and ownership disputes
         * @description **Access:** Roles: recruiter, platform_admin. The two recruiters involved, and platform admins.
         */
        get: operations["listOwnershipDisputes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ownership/disputes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One record
         * @description **Access:** Roles: recruiter, platform_admin. The two recruiters involved, and platform admins.
         */
        get: operations["getOwnershipDispute"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ownership/disputes/{id}/dispute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Dispute the other recruiter’s right to represent this person (an admin decides)
         * @description **Access:** Roles: recruiter. The recruiter whose submission was blocked.
         */
        post: operations["openOwnershipDispute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ownership/disputes/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decide: upheld (holder keeps the right) or overturned (it passes to the claimant)
         * @description **Access:** Roles: platform_admin.
         */
        post: operations["resolveOwnershipDispute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/placements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Placements the caller is part of (or all, for platform admins)
         * @description **Access:** Roles: recruiter, company_admin, hiring_manager, platform_admin. The recruiters on the placement, the company’s hiring team, platform admins.
         */
        get: operations["listPlacements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/placements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One placement with its split agreement
         * @description **Access:** Roles: recruiter, company_admin, hiring_manager, platform_admin. The recruiters on the placement, the company’s hiring team, platform admins.
         */
        get: operations["getPlacement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/placements/{id}/billing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A placement’s fee statement, or null while it is still being made (just after the hire)
         * @description For screens that open a placement at once: the statement is computed from the placement event a moment after the hire, and `GET …/statement` answers 404 until then. Here that moment is `statement: null`; anyone not on the placement still gets a 404.
         *
         *     **Access:** Roles: recruiter, company_admin, hiring_manager, platform_admin. Every party on the placement: its company’s hiring team, the recruiters on its split, platform admins. Others get 404.
         */
        get: operations["getPlacementBilling"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/placements/{id}/fall-off": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record that the hire left inside the guarantee period
         * @description **Access:** Roles: company_admin, platform_admin. Only the company’s admins and platform admins.
         */
        post: operations["recordPlacementFallOff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/placements/{id}/splits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Propose a split of the recruiter pool by fee role (must sum to 100%); all recruiters on it agree again
         * @description Send the `version` you loaded: a change made by someone else since answers 409 version_conflict.
         *
         *     **Access:** Roles: recruiter, platform_admin. The recruiters on the placement, or platform admins.
         */
        put: operations["proposePlacementSplits"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/placements/{id}/splits/agree": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Agree to the current split
         * @description With `version`, only if the split is still the one you saw (409 version_conflict otherwise).
         *
         *     **Access:** Roles: recruiter. A recruiter on the placement.
         */
        post: operations["agreePlacementSplits"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/placements/{id}/statement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The fee statement of a placement: the fee, every input and figure, and who gets what
         * @description **Access:** Roles: recruiter, company_admin, hiring_manager, platform_admin. Every party on the placement: its company’s hiring team, the recruiters on its split, platform admins. Others get 404.
         */
        get: operations["getPlacementStatement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recruiters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Recruiters by name and specialisation
         * @description **Access:** Roles: recruiter, company_admin, hiring_manager, platform_admin. Any Splits Network member: recruiter profiles hold no contact details.
         */
        get: operations["listRecruiters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recruiters/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One recruiter
         * @description **Access:** Roles: recruiter, company_admin, hiring_manager, platform_admin. Any Splits Network member: recruiter profiles hold no contact details.
         */
        get: operations["getRecruiter"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/recruiters/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My recruiter profile
         * @description **Access:** Roles: recruiter.
         */
        get: operations["getMyRecruiterProfile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change my profile and specialisations
         * @description **Access:** Roles: recruiter.
         */
        patch: operations["updateMyRecruiterProfile"];
        trace?: never;
    };
    "/api/recruiting/reference": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Functions, industries, seniorities, stages, fee roles, currencies and defaults
         * @description **Access:** Any signed-in user.
         */
        get: operations["getRecruitingReference"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/refunds/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record that a refund was sent back by bank transfer (books it)
         * @description Send an `Idempotency-Key` header (any unique string, e.g. a UUID) to make retries safe: a replay returns the first answer, the same key with a different request is a 409 `idempotency_key_reused`.
         *
         *     **Access:** Roles: platform_admin. Platform admins (finance).
         */
        post: operations["completeRefund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search roles (the marketplace for recruiters; a company’s roles for its team)
         * @description Recruiters see open roles shared with everyone or assigned to them, and keep seeing a role (whatever its status) they have an application on or share a placement of; drafts never. A hiring team sees its company’s roles; platform admins see all. A hidden role answers 404. Row-level security applies the same rule. Recruiters get open roles unless they ask for other statuses.
         *
         *     **Access:** Roles: recruiter, company_admin, hiring_manager, platform_admin. Any Splits Network member.
         */
        get: operations["listRoles"];
        put?: never;
        /**
         * Post a role (as a draft; open it to take submissions)
         * @description **Access:** Roles: company_admin, hiring_manager, platform_admin. Only the company’s hiring team (company admins, hiring managers) and platform admins.
         */
        post: operations["createRole"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/roles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One role
         * @description Recruiters see open roles shared with everyone or assigned to them, and keep seeing a role (whatever its status) they have an application on or share a placement of; drafts never. A hiring team sees its company’s roles; platform admins see all. A hidden role answers 404. Row-level security applies the same rule.
         *
         *     **Access:** Roles: recruiter, company_admin, hiring_manager, platform_admin. Any Splits Network member.
         */
        get: operations["getRole"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a role (every change is kept in its history)
         * @description Send the `version` you loaded: a change made by someone else since answers 409 version_conflict.
         *
         *     **Access:** Roles: company_admin, hiring_manager, platform_admin. Only the company’s hiring team (company admins, hiring managers) and platform admins.
         */
        patch: operations["updateRole"];
        trace?: never;
    };
    "/api/roles/{id}/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Recruiters assigned to the role
         * @description **Access:** Roles: company_admin, hiring_manager, platform_admin. Only the company’s hiring team (company admins, hiring managers) and platform admins.
         */
        get: operations["listRoleAssignments"];
        /**
         * Set the recruiters a role is shared with (for visibility "assigned")
         * @description **Access:** Roles: company_admin, hiring_manager, platform_admin. Only the company’s hiring team (company admins, hiring managers) and platform admins.
         */
        put: operations["setRoleAssignments"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/roles/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every change to the role
         * @description **Access:** Roles: company_admin, hiring_manager, platform_admin. Only the company’s hiring team (company admins, hiring managers) and platform admins.
         */
        get: operations["listRoleHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/roles/{id}/premium": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether a role is a premium role (urgent, niche, executive)
         * @description **Access:** Roles: recruiter, company_admin, hiring_manager, platform_admin. Every party on the placement: its company’s hiring team, the recruiters on its split, platform admins. Others get 404.
         */
        get: operations["getRolePremium"];
        /**
         * Make a role premium (the company pays more; recruiters get the configured bonus), or standard again
         * @description **Access:** Roles: company_admin, hiring_manager, platform_admin. The role’s hiring team and platform admins.
         */
        put: operations["setRolePremium"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/roles/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open, pause, close or mark filled: draft → open ⇄ paused → filled | closed
         * @description **Access:** Roles: company_admin, hiring_manager, platform_admin. Only the company’s hiring team (company admins, hiring managers) and platform admins.
         */
        post: operations["setRoleStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/webhooks/stripe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stripe’s webhook (signed): payment, refund, account and payout events
         * @description Verified with the `Stripe-Signature` header on the raw body (5 minutes of tolerance), de-duplicated by event id, processed from the job queue.
         *
         *     **Access:** Public. Stripe, proven by the signature.
         */
        post: operations["receiveStripeWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness: the process is up
         * @description **Access:** Public. Liveness probe.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness: database reachable and migrations current (503 otherwise)
         * @description **Access:** Public. Readiness probe.
         */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getMyAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        display_name: string;
                        email: string | null;
                        id: string;
                        /** @enum {string} */
                        locale: "en" | "he";
                        memberships: {
                            id: string;
                            /** @enum {string} */
                            kind: "platform" | "company" | "agency";
                            /** @enum {string} */
                            marketplace: "splits" | "ofair";
                            organization_id: string;
                            organization_name: string;
                            /** @enum {string} */
                            role: "platform_admin" | "company_admin" | "hiring_manager" | "recruiter" | "candidate" | "consumer" | "professional" | "ofair_admin";
                        }[];
                        phone: string | null;
                        roles: ("platform_admin" | "company_admin" | "hiring_manager" | "recruiter" | "candidate" | "consumer" | "professional" | "ofair_admin")[];
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    updateMyAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    display_name?: string;
                    /** @enum {string} */
                    locale?: "en" | "he";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        display_name: string;
                        email: string | null;
                        id: string;
                        /** @enum {string} */
                        locale: "en" | "he";
                        memberships: {
                            id: string;
                            /** @enum {string} */
                            kind: "platform" | "company" | "agency";
                            /** @enum {string} */
                            marketplace: "splits" | "ofair";
                            organization_id: string;
                            organization_name: string;
                            /** @enum {string} */
                            role: "platform_admin" | "company_admin" | "hiring_manager" | "recruiter" | "candidate" | "consumer" | "professional" | "ofair_admin";
                        }[];
                        phone: string | null;
                        roles: ("platform_admin" | "company_admin" | "hiring_manager" | "recruiter" | "candidate" | "consumer" | "professional" | "ofair_admin")[];
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listMyInvitations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            expires_at: string;
                            id: string;
                            invited_by_name: string | null;
                            organization_id: string;
                            organization_kind: string;
                            organization_name: string;
                            role: string;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    acceptInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        organization_id: string;
                        role: string;
                        /** @enum {string} */
                        status: "accepted";
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    declineInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        organization_id: string;
                        role: string;
                        /** @enum {string} */
                        status: "declined";
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listMySessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: date-time */
                            created_at: string;
                            current: boolean;
                            /** Format: date-time */
                            expires_at: string;
                            id: string;
                            ip: string | null;
                            /** Format: date-time */
                            last_seen_at: string;
                            /** @enum {string} */
                            marketplace: "splits" | "ofair";
                            user_agent: string | null;
                            via: string;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    revokeMySession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getFinanceSummary: {
        parameters: {
            query?: {
                currency?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        currency: string;
                        months: {
                            collected: {
                                /** @description Integer amount in minor units (cents, agorot), as a string */
                                amount: string;
                                /** @description ISO 4217 currency code */
                                currency: string;
                            };
                            invoiced: {
                                /** @description Integer amount in minor units (cents, agorot), as a string */
                                amount: string;
                                /** @description ISO 4217 currency code */
                                currency: string;
                            };
                            month: string;
                            refunded: {
                                /** @description Integer amount in minor units (cents, agorot), as a string */
                                amount: string;
                                /** @description ISO 4217 currency code */
                                currency: string;
                            };
                            revenue: {
                                /** @description Integer amount in minor units (cents, agorot), as a string */
                                amount: string;
                                /** @description ISO 4217 currency code */
                                currency: string;
                            };
                        }[];
                        receivables_ageing: {
                            amount: {
                                /** @description Integer amount in minor units (cents, agorot), as a string */
                                amount: string;
                                /** @description ISO 4217 currency code */
                                currency: string;
                            };
                            /** @enum {string} */
                            bucket: "current" | "1-30" | "31-60" | "61-90" | "90+";
                            invoices: number;
                        }[];
                        totals: {
                            company_credit: {
                                /** @description Integer amount in minor units (cents, agorot), as a string */
                                amount: string;
                                /** @description ISO 4217 currency code */
                                currency: string;
                            };
                            held_for_recruiters: {
                                /** @description Integer amount in minor units (cents, agorot), as a string */
                                amount: string;
                                /** @description ISO 4217 currency code */
                                currency: string;
                            };
                            in_bank: {
                                /** @description Integer amount in minor units (cents, agorot), as a string */
                                amount: string;
                                /** @description ISO 4217 currency code */
                                currency: string;
                            };
                            invoiced_not_collected: {
                                /** @description Integer amount in minor units (cents, agorot), as a string */
                                amount: string;
                                /** @description ISO 4217 currency code */
                                currency: string;
                            };
                            revenue: {
                                /** @description Integer amount in minor units (cents, agorot), as a string */
                                amount: string;
                                /** @description ISO 4217 currency code */
                                currency: string;
                            };
                        };
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listJobQueues: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        catalog: {
                            description: string;
                            name: string;
                            retry_limit: number;
                            schedule: string | null;
                            timeout_seconds: number;
                        }[];
                        queues: {
                            active: number;
                            deferred: number;
                            failed: number;
                            name: string;
                            queued: number;
                            total: number;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listDeadJobs: {
        parameters: {
            query?: {
                queue?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            data: unknown;
                            /** Format: date-time */
                            dead_since: string;
                            error: unknown;
                            id: string;
                            queue: string;
                            retry_count: number;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    retryDeadJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                queue: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        retried: true;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listLedgerAccounts: {
        parameters: {
            query?: {
                /** @description splits or ofair */
                book?: string;
                currency?: string;
                /** @description revenue, receivable, held, payable… */
                kind?: string;
                /** @description Page size (1-100) */
                limit?: number;
                owner_id?: string;
                /** @description platform, company, recruiter, professional, psp… */
                owner_type?: string;
                /** @description Cursor: the `next_cursor` of the previous page */
                starting_after?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            allow_negative: boolean;
                            balance: {
                                available: {
                                    /** @description Integer amount in minor units (cents, agorot), as a string */
                                    amount: string;
                                    /** @description ISO 4217 currency code */
                                    currency: string;
                                };
                                pending_in: {
                                    /** @description Integer amount in minor units (cents, agorot), as a string */
                                    amount: string;
                                    /** @description ISO 4217 currency code */
                                    currency: string;
                                };
                                pending_out: {
                                    /** @description Integer amount in minor units (cents, agorot), as a string */
                                    amount: string;
                                    /** @description ISO 4217 currency code */
                                    currency: string;
                                };
                                posted: {
                                    /** @description Integer amount in minor units (cents, agorot), as a string */
                                    amount: string;
                                    /** @description ISO 4217 currency code */
                                    currency: string;
                                };
                            };
                            book: string;
                            /** @description book:owner_type:owner_id:kind:currency:shard */
                            code: string;
                            /** Format: date-time */
                            created_at: string;
                            currency: string;
                            id: string;
                            kind: string;
                            /** @enum {string} */
                            normal_side: "debit" | "credit";
                            owner_id: string | null;
                            owner_type: string;
                            shard: number;
                            version: string;
                        }[];
                        has_more: boolean;
                        /** @description Pass as `starting_after` to get the next page */
                        next_cursor: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getLedgerAccount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        allow_negative: boolean;
                        balance: {
                            available: {
                                /** @description Integer amount in minor units (cents, agorot), as a string */
                                amount: string;
                                /** @description ISO 4217 currency code */
                                currency: string;
                            };
                            pending_in: {
                                /** @description Integer amount in minor units (cents, agorot), as a string */
                                amount: string;
                                /** @description ISO 4217 currency code */
                                currency: string;
                            };
                            pending_out: {
                                /** @description Integer amount in minor units (cents, agorot), as a string */
                                amount: string;
                                /** @description ISO 4217 currency code */
                                currency: string;
                            };
                            posted: {
                                /** @description Integer amount in minor units (cents, agorot), as a string */
                                amount: string;
                                /** @description ISO 4217 currency code */
                                currency: string;
                            };
                        };
                        book: string;
                        /** @description book:owner_type:owner_id:kind:currency:shard */
                        code: string;
                        /** Format: date-time */
                        created_at: string;
                        currency: string;
                        id: string;
                        kind: string;
                        /** @enum {string} */
                        normal_side: "debit" | "credit";
                        owner_id: string | null;
                        owner_type: string;
                        shard: number;
                        version: string;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listLedgerAccountEntries: {
        parameters: {
            query?: {
                /** @description Page size (1-100) */
                limit?: number;
                /** @description Cursor: the `next_cursor` of the previous page */
                starting_after?: string;
            };
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            account_version: string;
                            amount: {
                                /** @description Integer amount in minor units (cents, agorot), as a string */
                                amount: string;
                                /** @description ISO 4217 currency code */
                                currency: string;
                            };
                            /** @description The account’s posted balance on its normal side after this entry */
                            balance_after: {
                                /** @description Integer amount in minor units (cents, agorot), as a string */
                                amount: string;
                                /** @description ISO 4217 currency code */
                                currency: string;
                            };
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            /** @enum {string} */
                            direction: "debit" | "credit";
                            /** Format: date-time */
                            effective_at: string;
                            id: string;
                            kind: string;
                            posting_id: string;
                            reference: {
                                id: string;
                                type: string;
                            };
                        }[];
                        has_more: boolean;
                        /** @description Pass as `starting_after` to get the next page */
                        next_cursor: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listLedgerPostingsAbout: {
        parameters: {
            query: {
                reference_id: string;
                reference_type: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            book: string;
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            /** Format: date-time */
                            effective_at: string;
                            entries: {
                                account_code: string;
                                account_id: string;
                                account_kind: string;
                                amount: {
                                    /** @description Integer amount in minor units (cents, agorot), as a string */
                                    amount: string;
                                    /** @description ISO 4217 currency code */
                                    currency: string;
                                };
                                balance_after: {
                                    /** @description Integer amount in minor units (cents, agorot), as a string */
                                    amount: string;
                                    /** @description ISO 4217 currency code */
                                    currency: string;
                                };
                                /** @enum {string} */
                                direction: "debit" | "credit";
                                id: string;
                                owner: {
                                    id: string | null;
                                    type: string;
                                };
                            }[];
                            id: string;
                            idempotency_key: string;
                            kind: string;
                            metadata: unknown;
                            reference: {
                                id: string;
                                type: string;
                            };
                            reversed_by: string | null;
                            reverses: string | null;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getLedgerPosting: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        book: string;
                        /** Format: date-time */
                        created_at: string;
                        description: string;
                        /** Format: date-time */
                        effective_at: string;
                        entries: {
                            account_code: string;
                            account_id: string;
                            account_kind: string;
                            amount: {
                                /** @description Integer amount in minor units (cents, agorot), as a string */
                                amount: string;
                                /** @description ISO 4217 currency code */
                                currency: string;
                            };
                            balance_after: {
                                /** @description Integer amount in minor units (cents, agorot), as a string */
                                amount: string;
                                /** @description ISO 4217 currency code */
                                currency: string;
                            };
                            /** @enum {string} */
                            direction: "debit" | "credit";
                            id: string;
                            owner: {
                                id: string | null;
                                type: string;
                            };
                        }[];
                        id: string;
                        idempotency_key: string;
                        kind: string;
                        metadata: unknown;
                        reference: {
                            id: string;
                            type: string;
                        };
                        reversed_by: string | null;
                        reverses: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    reconcileLedger: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        checked_at: string;
                        checks: {
                            detail: string;
                            /** @enum {string} */
                            name: "postings_balance" | "balances_match_entries" | "no_forbidden_negative" | "audit_chain_intact";
                            ok: boolean;
                        }[];
                        entries: number;
                        ok: boolean;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    searchOrganizations: {
        parameters: {
            query?: {
                /** @description Page size (1-100) */
                limit?: number;
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            kind: string;
                            marketplace: string;
                            name: string;
                            slug: string;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listPayoutAudit: {
        parameters: {
            query?: {
                entity_id?: string;
                entity_type?: "invoice" | "payment" | "refund" | "credit_note" | "contract" | "company" | "placement" | "payout" | "payout_schedule" | "escrow_hold";
                /** @description Page size (1-100) */
                limit?: number;
                /** @description Cursor: the `next_cursor` of the previous page */
                starting_after?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            action: string;
                            changed_by: string | null;
                            changed_by_role: string | null;
                            /** Format: date-time */
                            created_at: string;
                            entity_id: string;
                            entity_type: string;
                            hash: string;
                            id: string;
                            new_value: unknown;
                            old_value: unknown;
                            reason: string | null;
                            request_id: string | null;
                            seq: string;
                        }[];
                        has_more: boolean;
                        /** @description Pass as `starting_after` to get the next page */
                        next_cursor: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    verifyPayoutAudit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        broken_seq: number | null;
                        last_hash: string | null;
                        ok: boolean;
                        reason: string | null;
                        rows: number;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    searchUsers: {
        parameters: {
            query?: {
                /** @description Page size (1-100) */
                limit?: number;
                /** @description Name, email or phone digits */
                q?: string;
                role?: "platform_admin" | "company_admin" | "hiring_manager" | "recruiter" | "candidate" | "consumer" | "professional" | "ofair_admin";
                /** @description Cursor: the `next_cursor` of the previous page */
                starting_after?: string;
                status?: "active" | "suspended";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: date-time */
                            created_at: string;
                            display_name: string;
                            email_masked: string | null;
                            id: string;
                            last_sign_in_at: string | null;
                            locale: string;
                            phone_masked: string | null;
                            roles: ("platform_admin" | "company_admin" | "hiring_manager" | "recruiter" | "candidate" | "consumer" | "professional" | "ofair_admin")[];
                            /** @enum {string} */
                            status: "active" | "suspended";
                        }[];
                        has_more: boolean;
                        /** @description Pass as `starting_after` to get the next page */
                        next_cursor: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        active_sessions: number;
                        /** @description The latest entries of the audit trail; page through GET …/audit for more */
                        audit: {
                            /** @description identity.user_suspended, identity.user_reactivated, identity.role_granted, identity.role_revoked, identity.sessions_revoked, identity.invitation_accepted, identity.invitation_declined, … */
                            action: string;
                            /** @description Who did it; null when the system did */
                            actor_name: string | null;
                            actor_user_id: string | null;
                            after: unknown;
                            before: unknown;
                            /** Format: date-time */
                            occurred_at: string;
                            seq: string;
                        }[];
                        /** Format: date-time */
                        created_at: string;
                        display_name: string;
                        email: string | null;
                        id: string;
                        last_sign_in_at: string | null;
                        locale: string;
                        memberships: {
                            /** Format: date-time */
                            created_at: string;
                            id: string;
                            kind: string;
                            marketplace: string;
                            organization_id: string;
                            organization_name: string;
                            /** @enum {string} */
                            role: "platform_admin" | "company_admin" | "hiring_manager" | "recruiter" | "candidate" | "consumer" | "professional" | "ofair_admin";
                        }[];
                        phone: string | null;
                        /** @enum {string} */
                        status: "active" | "suspended";
                        suspended_reason: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listUserAudit: {
        parameters: {
            query?: {
                /** @description Page size (1-100) */
                limit?: number;
                /** @description Cursor: the `next_cursor` of the previous page */
                starting_after?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @description identity.user_suspended, identity.user_reactivated, identity.role_granted, identity.role_revoked, identity.sessions_revoked, identity.invitation_accepted, identity.invitation_declined, … */
                            action: string;
                            /** @description Who did it; null when the system did */
                            actor_name: string | null;
                            actor_user_id: string | null;
                            after: unknown;
                            before: unknown;
                            /** Format: date-time */
                            occurred_at: string;
                            seq: string;
                        }[];
                        has_more: boolean;
                        /** @description Pass as `starting_after` to get the next page */
                        next_cursor: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    grantRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    organization_id: string;
                    /** @enum {string} */
                    role: "platform_admin" | "company_admin" | "hiring_manager" | "recruiter" | "candidate" | "consumer" | "professional" | "ofair_admin";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        active_sessions: number;
                        /** @description The latest entries of the audit trail; page through GET …/audit for more */
                        audit: {
                            /** @description identity.user_suspended, identity.user_reactivated, identity.role_granted, identity.role_revoked, identity.sessions_revoked, identity.invitation_accepted, identity.invitation_declined, … */
                            action: string;
                            /** @description Who did it; null when the system did */
                            actor_name: string | null;
                            actor_user_id: string | null;
                            after: unknown;
                            before: unknown;
                            /** Format: date-time */
                            occurred_at: string;
                            seq: string;
                        }[];
                        /** Format: date-time */
                        created_at: string;
                        display_name: string;
                        email: string | null;
                        id: string;
                        last_sign_in_at: string | null;
                        locale: string;
                        memberships: {
                            /** Format: date-time */
                            created_at: string;
                            id: string;
                            kind: string;
                            marketplace: string;
                            organization_id: string;
                            organization_name: string;
                            /** @enum {string} */
                            role: "platform_admin" | "company_admin" | "hiring_manager" | "recruiter" | "candidate" | "consumer" | "professional" | "ofair_admin";
                        }[];
                        phone: string | null;
                        /** @enum {string} */
                        status: "active" | "suspended";
                        suspended_reason: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    revokeRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                membershipId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        active_sessions: number;
                        /** @description The latest entries of the audit trail; page through GET …/audit for more */
                        audit: {
                            /** @description identity.user_suspended, identity.user_reactivated, identity.role_granted, identity.role_revoked, identity.sessions_revoked, identity.invitation_accepted, identity.invitation_declined, … */
                            action: string;
                            /** @description Who did it; null when the system did */
                            actor_name: string | null;
                            actor_user_id: string | null;
                            after: unknown;
                            before: unknown;
                            /** Format: date-time */
                            occurred_at: string;
                            seq: string;
                        }[];
                        /** Format: date-time */
                        created_at: string;
                        display_name: string;
                        email: string | null;
                        id: string;
                        last_sign_in_at: string | null;
                        locale: string;
                        memberships: {
                            /** Format: date-time */
                            created_at: string;
                            id: string;
                            kind: string;
                            marketplace: string;
                            organization_id: string;
                            organization_name: string;
                            /** @enum {string} */
                            role: "platform_admin" | "company_admin" | "hiring_manager" | "recruiter" | "candidate" | "consumer" | "professional" | "ofair_admin";
                        }[];
                        phone: string | null;
                        /** @enum {string} */
                        status: "active" | "suspended";
                        suspended_reason: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    reactivateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        active_sessions: number;
                        /** @description The latest entries of the audit trail; page through GET …/audit for more */
                        audit: {
                            /** @description identity.user_suspended, identity.user_reactivated, identity.role_granted, identity.role_revoked, identity.sessions_revoked, identity.invitation_accepted, identity.invitation_declined, … */
                            action: string;
                            /** @description Who did it; null when the system did */
                            actor_name: string | null;
                            actor_user_id: string | null;
                            after: unknown;
                            before: unknown;
                            /** Format: date-time */
                            occurred_at: string;
                            seq: string;
                        }[];
                        /** Format: date-time */
                        created_at: string;
                        display_name: string;
                        email: string | null;
                        id: string;
                        last_sign_in_at: string | null;
                        locale: string;
                        memberships: {
                            /** Format: date-time */
                            created_at: string;
                            id: string;
                            kind: string;
                            marketplace: string;
                            organization_id: string;
                            organization_name: string;
                            /** @enum {string} */
                            role: "platform_admin" | "company_admin" | "hiring_manager" | "recruiter" | "candidate" | "consumer" | "professional" | "ofair_admin";
                        }[];
                        phone: string | null;
                        /** @enum {string} */
                        status: "active" | "suspended";
                        suspended_reason: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    revokeUserSessions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        active_sessions: number;
                        /** @description The latest entries of the audit trail; page through GET …/audit for more */
                        audit: {
                            /** @description identity.user_suspended, identity.user_reactivated, identity.role_granted, identity.role_revoked, identity.sessions_revoked, identity.invitation_accepted, identity.invitation_declined, … */
                            action: string;
                            /** @description Who did it; null when the system did */
                            actor_name: string | null;
                            actor_user_id: string | null;
                            after: unknown;
                            before: unknown;
                            /** Format: date-time */
                            occurred_at: string;
                            seq: string;
                        }[];
                        /** Format: date-time */
                        created_at: string;
                        display_name: string;
                        email: string | null;
                        id: string;
                        last_sign_in_at: string | null;
                        locale: string;
                        memberships: {
                            /** Format: date-time */
                            created_at: string;
                            id: string;
                            kind: string;
                            marketplace: string;
                            organization_id: string;
                            organization_name: string;
                            /** @enum {string} */
                            role: "platform_admin" | "company_admin" | "hiring_manager" | "recruiter" | "candidate" | "consumer" | "professional" | "ofair_admin";
                        }[];
                        phone: string | null;
                        /** @enum {string} */
                        status: "active" | "suspended";
                        suspended_reason: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    suspendUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        active_sessions: number;
                        /** @description The latest entries of the audit trail; page through GET …/audit for more */
                        audit: {
                            /** @description identity.user_suspended, identity.user_reactivated, identity.role_granted, identity.role_revoked, identity.sessions_revoked, identity.invitation_accepted, identity.invitation_declined, … */
                            action: string;
                            /** @description Who did it; null when the system did */
                            actor_name: string | null;
                            actor_user_id: string | null;
                            after: unknown;
                            before: unknown;
                            /** Format: date-time */
                            occurred_at: string;
                            seq: string;
                        }[];
                        /** Format: date-time */
                        created_at: string;
                        display_name: string;
                        email: string | null;
                        id: string;
                        last_sign_in_at: string | null;
                        locale: string;
                        memberships: {
                            /** Format: date-time */
                            created_at: string;
                            id: string;
                            kind: string;
                            marketplace: string;
                            organization_id: string;
                            organization_name: string;
                            /** @enum {string} */
                            role: "platform_admin" | "company_admin" | "hiring_manager" | "recruiter" | "candidate" | "consumer" | "professional" | "ofair_admin";
                        }[];
                        phone: string | null;
                        /** @enum {string} */
                        status: "active" | "suspended";
                        suspended_reason: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listApplications: {
        parameters: {
            query?: {
                candidate_id?: string;
                company_id?: string;
                /** @description Page size (1-100) */
                limit?: number;
                /** @description Only my own submissions */
                mine?: "true" | "false";
                role_id?: string;
                stage?: ("submitted" | "screening" | "interview" | "offer" | "hired" | "rejected" | "withdrawn")[];
                /** @description Cursor: the `next_cursor` of the previous page */
                starting_after?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            candidate: {
                                id: string;
                                name: string;
                                title: string | null;
                            };
                            company: {
                                id: string;
                                name: string;
                            };
                            id: string;
                            recruiter: {
                                id: string;
                                name: string;
                            };
                            role: {
                                id: string;
                                title: string;
                            };
                            /** @enum {string} */
                            stage: "submitted" | "screening" | "interview" | "offer" | "hired" | "rejected" | "withdrawn";
                            /** Format: date-time */
                            stage_changed_at: string;
                            /** Format: date-time */
                            submitted_at: string;
                        }[];
                        has_more: boolean;
                        /** @description Pass as `starting_after` to get the next page */
                        next_cursor: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    submitApplication: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    candidate_id: string;
                    note?: string;
                    /** Format: uuid */
                    role_id: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stages this application may move to next */
                        allowed_next: ("submitted" | "screening" | "interview" | "offer" | "hired" | "rejected" | "withdrawn")[];
                        candidate: {
                            id: string;
                            name: string;
                            title: string | null;
                        };
                        closed_reason: string | null;
                        company: {
                            id: string;
                            name: string;
                        };
                        history: {
                            /** Format: date-time */
                            changed_at: string;
                            changed_by: string | null;
                            changed_by_name: string | null;
                            from_stage: ("submitted" | "screening" | "interview" | "offer" | "hired" | "rejected" | "withdrawn") | null;
                            id: string;
                            reason: string | null;
                            /** @enum {string} */
                            to_stage: "submitted" | "screening" | "interview" | "offer" | "hired" | "rejected" | "withdrawn";
                        }[];
                        id: string;
                        note: string | null;
                        /** @enum {string} */
                        ownership: "verified" | "pending" | "disputed";
                        placement_id: string | null;
                        recruiter: {
                            id: string;
                            name: string;
                        };
                        /** Format: date-time */
                        represented_until: string;
                        role: {
                            id: string;
                            title: string;
                        };
                        /** @enum {string} */
                        stage: "submitted" | "screening" | "interview" | "offer" | "hired" | "rejected" | "withdrawn";
                        /** Format: date-time */
                        stage_changed_at: string;
                        /** Format: date-time */
                        submitted_at: string;
                        /** @description Send it back with a stage move: a newer one answers 409 */
                        version: number;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getApplication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stages this application may move to next */
                        allowed_next: ("submitted" | "screening" | "interview" | "offer" | "hired" | "rejected" | "withdrawn")[];
                        candidate: {
                            id: string;
                            name: string;
                            title: string | null;
                        };
                        closed_reason: string | null;
                        company: {
                            id: string;
                            name: string;
                        };
                        history: {
                            /** Format: date-time */
                            changed_at: string;
                            changed_by: string | null;
                            changed_by_name: string | null;
                            from_stage: ("submitted" | "screening" | "interview" | "offer" | "hired" | "rejected" | "withdrawn") | null;
                            id: string;
                            reason: string | null;
                            /** @enum {string} */
                            to_stage: "submitted" | "screening" | "interview" | "offer" | "hired" | "rejected" | "withdrawn";
                        }[];
                        id: string;
                        note: string | null;
                        /** @enum {string} */
                        ownership: "verified" | "pending" | "disputed";
                        placement_id: string | null;
                        recruiter: {
                            id: string;
                            name: string;
                        };
                        /** Format: date-time */
                        represented_until: string;
                        role: {
                            id: string;
                            title: string;
                        };
                        /** @enum {string} */
                        stage: "submitted" | "screening" | "interview" | "offer" | "hired" | "rejected" | "withdrawn";
                        /** Format: date-time */
                        stage_changed_at: string;
                        /** Format: date-time */
                        submitted_at: string;
                        /** @description Send it back with a stage move: a newer one answers 409 */
                        version: number;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    hireApplication: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description First-year base salary */
                    base_salary: {
                        /** @description Amount in minor units (e.g. cents), as a string */
                        amount: string;
                        /** @description ISO 4217 currency code */
                        currency: string;
                    };
                    /**
                     * Format: date
                     * @description YYYY-MM-DD
                     */
                    start_date: string;
                    /** @description The version you loaded; if someone changed it since, the answer is 409 version_conflict */
                    version?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        application: {
                            /** @description Stages this application may move to next */
                            allowed_next: ("submitted" | "screening" | "interview" | "offer" | "hired" | "rejected" | "withdrawn")[];
                            candidate: {
                                id: string;
                                name: string;
                                title: string | null;
                            };
                            closed_reason: string | null;
                            company: {
                                id: string;
                                name: string;
                            };
                            history: {
                                /** Format: date-time */
                                changed_at: string;
                                changed_by: string | null;
                                changed_by_name: string | null;
                                from_stage: ("submitted" | "screening" | "interview" | "offer" | "hired" | "rejected" | "withdrawn") | null;
                                id: string;
                                reason: string | null;
                                /** @enum {string} */
                                to_stage: "submitted" | "screening" | "interview" | "offer" | "hired" | "rejected" | "withdrawn";
                            }[];
                            id: string;
                            note: string | null;
                            /** @enum {string} */
                            ownership: "verified" | "pending" | "disputed";
                            placement_id: string | null;
                            recruiter: {
                                id: string;
                                name: string;
                            };
                            /** Format: date-time */
                            represented_until: string;
                            role: {
                                id: string;
                                title: string;
                            };
                            /** @enum {string} */
                            stage: "submitted" | "screening" | "interview" | "offer" | "hired" | "rejected" | "withdrawn";
                            /** Format: date-time */
                            stage_changed_at: string;
                            /** Format: date-time */
                            submitted_at: string;
                            /** @description Send it back with a stage move: a newer one answers 409 */
                            version: number;
                        };
                        placement_id: string;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    moveApplicationStage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string;
                    /** @enum {string} */
                    to: "submitted" | "screening" | "interview" | "offer" | "hired" | "rejected" | "withdrawn";
                    /** @description The version you loaded; if someone changed it since, the answer is 409 version_conflict */
                    version?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stages this application may move to next */
                        allowed_next: ("submitted" | "screening" | "interview" | "offer" | "hired" | "rejected" | "withdrawn")[];
                        candidate: {
                            id: string;
                            name: string;
                            title: string | null;
                        };
                        closed_reason: string | null;
                        company: {
                            id: string;
                            name: string;
                        };
                        history: {
                            /** Format: date-time */
                            changed_at: string;
                            changed_by: string | null;
                            changed_by_name: string | null;
                            from_stage: ("submitted" | "screening" | "interview" | "offer" | "hired" | "rejected" | "withdrawn") | null;
                            id: string;
                            reason: string | null;
                            /** @enum {string} */
                            to_stage: "submitted" | "screening" | "interview" | "offer" | "hired" | "rejected" | "withdrawn";
                        }[];
                        id: string;
                        note: string | null;
                        /** @enum {string} */
                        ownership: "verified" | "pending" | "disputed";
                        placement_id: string | null;
                        recruiter: {
                            id: string;
                            name: string;
                        };
                        /** Format: date-time */
                        represented_until: string;
                        role: {
                            id: string;
                            title: string;
                        };
                        /** @enum {string} */
                        stage: "submitted" | "screening" | "interview" | "offer" | "hired" | "rejected" | "withdrawn";
                        /** Format: date-time */
                        stage_changed_at: string;
                        /** Format: date-time */
                        submitted_at: string;
                        /** @description Send it back with a stage move: a newer one answers 409 */
                        version: number;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    startEmailSignIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    email: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        challenge_id: string;
                        /** Format: date-time */
                        expires_at: string;
                        /** @description Where the code went, masked */
                        sent_to: string;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    consumeMagicLink: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description cookie: set the httpOnly session cookie (browsers). token: return a bearer token instead (API clients).
                     * @default cookie
                     * @enum {string}
                     */
                    session_delivery?: "cookie" | "token";
                    token: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Send as the x-csrf-token header on every mutation made with the cookie */
                        csrf_token: string;
                        is_new_user: boolean;
                        /** @enum {string} */
                        marketplace: "splits" | "ofair";
                        session: {
                            /** Format: date-time */
                            expires_at: string;
                            id: string;
                        };
                        /** @description Only with session_delivery=token: use as "Authorization: Bearer <token>" */
                        token?: string;
                        user: {
                            display_name: string;
                            email: string | null;
                            id: string;
                            /** @enum {string} */
                            locale: "en" | "he";
                            memberships: {
                                id: string;
                                /** @enum {string} */
                                kind: "platform" | "company" | "agency";
                                /** @enum {string} */
                                marketplace: "splits" | "ofair";
                                organization_id: string;
                                organization_name: string;
                                /** @enum {string} */
                                role: "platform_admin" | "company_admin" | "hiring_manager" | "recruiter" | "candidate" | "consumer" | "professional" | "ofair_admin";
                            }[];
                            phone: string | null;
                            roles: ("platform_admin" | "company_admin" | "hiring_manager" | "recruiter" | "candidate" | "consumer" | "professional" | "ofair_admin")[];
                        };
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    startPhoneSignIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    phone: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        challenge_id: string;
                        /** Format: date-time */
                        expires_at: string;
                        /** @description Where the code went, masked */
                        sent_to: string;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    revokeSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    session_id?: string;
                } | null;
            };
        };
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getCurrentSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        csrf_token?: string;
                        /** @description Demo personas and the dev outbox are available */
                        demo_mode: boolean;
                        signed_in: boolean;
                        user?: {
                            display_name: string;
                            email: string | null;
                            id: string;
                            /** @enum {string} */
                            locale: "en" | "he";
                            memberships: {
                                id: string;
                                /** @enum {string} */
                                kind: "platform" | "company" | "agency";
                                /** @enum {string} */
                                marketplace: "splits" | "ofair";
                                organization_id: string;
                                organization_name: string;
                                /** @enum {string} */
                                role: "platform_admin" | "company_admin" | "hiring_manager" | "recruiter" | "candidate" | "consumer" | "professional" | "ofair_admin";
                            }[];
                            phone: string | null;
                            roles: ("platform_admin" | "company_admin" | "hiring_manager" | "recruiter" | "candidate" | "consumer" | "professional" | "ofair_admin")[];
                        };
                        /** @enum {string} */
                        via?: "session" | "bearer";
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    verifySignInCode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    challenge_id: string;
                    code: string;
                    /**
                     * @description cookie: set the httpOnly session cookie (browsers). token: return a bearer token instead (API clients).
                     * @default cookie
                     * @enum {string}
                     */
                    session_delivery?: "cookie" | "token";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Send as the x-csrf-token header on every mutation made with the cookie */
                        csrf_token: string;
                        is_new_user: boolean;
                        /** @enum {string} */
                        marketplace: "splits" | "ofair";
                        session: {
                            /** Format: date-time */
                            expires_at: string;
                            id: string;
                        };
                        /** @description Only with session_delivery=token: use as "Authorization: Bearer <token>" */
                        token?: string;
                        user: {
                            display_name: string;
                            email: string | null;
                            id: string;
                            /** @enum {string} */
                            locale: "en" | "he";
                            memberships: {
                                id: string;
                                /** @enum {string} */
                                kind: "platform" | "company" | "agency";
                                /** @enum {string} */
                                marketplace: "splits" | "ofair";
                                organization_id: string;
                                organization_name: string;
                                /** @enum {string} */
                                role: "platform_admin" | "company_admin" | "hiring_manager" | "recruiter" | "candidate" | "consumer" | "professional" | "ofair_admin";
                            }[];
                            phone: string | null;
                            roles: ("platform_admin" | "company_admin" | "hiring_manager" | "recruiter" | "candidate" | "consumer" | "professional" | "ofair_admin")[];
                        };
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listCandidates: {
        parameters: {
            query?: {
                /** @description Page size (1-100) */
                limit?: number;
                /** @description Part of a name, title, location or skill */
                q?: string;
                /** @description A skill, in any case */
                skill?: string;
                /** @description Cursor: the `next_cursor` of the previous page */
                starting_after?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            applications_count: number;
                            /** Format: date-time */
                            created_at: string;
                            current_title: string | null;
                            full_name: string;
                            has_consent: boolean;
                            id: string;
                            location: string | null;
                            skills: string[];
                            years_experience: number | null;
                        }[];
                        has_more: boolean;
                        /** @description Pass as `starting_after` to get the next page */
                        next_cursor: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    createCandidate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The person agreed to be represented and to have their details shared with companies */
                    consent?: {
                        /** @enum {string} */
                        method: "email" | "written" | "verbal" | "portal";
                        /** @default rtr-2026-01 */
                        text_version?: string;
                    } | null;
                    country?: string | null;
                    current_title?: string | null;
                    email?: string | null;
                    full_name: string;
                    github_url?: string | null;
                    linkedin_url?: string | null;
                    location?: string | null;
                    notes?: string | null;
                    phone?: string | null;
                    salary_expectation?: {
                        /** @description ISO 4217 currency code */
                        currency: string;
                        max?: string | null;
                        min?: string | null;
                    } | null;
                    /** @description Kept as typed; matched and de-duplicated without regard to case */
                    skills?: string[];
                    website_url?: string | null;
                    years_experience?: number | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        candidate: {
                            /** @description The representing recruiter sees all; a hiring team only those to its own company */
                            applications: {
                                company_name: string;
                                id: string;
                                role_id: string;
                                role_title: string;
                                stage: string;
                                /** Format: date-time */
                                stage_changed_at: string;
                                /** Format: date-time */
                                submitted_at: string;
                            }[];
                            consent: {
                                /** Format: date-time */
                                given_at: string;
                                method: string;
                                text_version: string | null;
                            } | null;
                            contacts: {
                                email: string | null;
                                github_url: string | null;
                                linkedin_url: string | null;
                                phone: string | null;
                                website_url: string | null;
                            } | null;
                            country: string | null;
                            /** Format: date-time */
                            created_at: string;
                            current_title: string | null;
                            full_name: string;
                            id: string;
                            location: string | null;
                            notes: string | null;
                            recruiter: {
                                id: string;
                                name: string;
                            };
                            /** @description The representing recruiter sees all; a hiring team only its own company’s */
                            representations: {
                                company_id: string;
                                company_name: string;
                                /** Format: date-time */
                                expires_at: string;
                                id: string;
                                /** @enum {string} */
                                ownership: "verified" | "pending" | "disputed";
                                /** Format: date-time */
                                starts_at: string;
                                status: string;
                            }[];
                            salary_expectation: {
                                currency: string;
                                max: string | null;
                                min: string | null;
                            } | null;
                            skills: string[];
                            /** Format: date-time */
                            updated_at: string;
                            /** @description Send it back with a change: a newer one answers 409 */
                            version: number;
                            years_experience: number | null;
                            yours: boolean;
                        };
                        warnings: {
                            candidate_id: string | null;
                            matched_on: ("email" | "phone" | "linkedin" | "github")[];
                            represented_to: {
                                company_id: string;
                                company_name: string;
                                /** Format: date-time */
                                expires_at: string;
                            }[];
                            yours: boolean;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getCandidate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The representing recruiter sees all; a hiring team only those to its own company */
                        applications: {
                            company_name: string;
                            id: string;
                            role_id: string;
                            role_title: string;
                            stage: string;
                            /** Format: date-time */
                            stage_changed_at: string;
                            /** Format: date-time */
                            submitted_at: string;
                        }[];
                        consent: {
                            /** Format: date-time */
                            given_at: string;
                            method: string;
                            text_version: string | null;
                        } | null;
                        contacts: {
                            email: string | null;
                            github_url: string | null;
                            linkedin_url: string | null;
                            phone: string | null;
                            website_url: string | null;
                        } | null;
                        country: string | null;
                        /** Format: date-time */
                        created_at: string;
                        current_title: string | null;
                        full_name: string;
                        id: string;
                        location: string | null;
                        notes: string | null;
                        recruiter: {
                            id: string;
                            name: string;
                        };
                        /** @description The representing recruiter sees all; a hiring team only its own company’s */
                        representations: {
                            company_id: string;
                            company_name: string;
                            /** Format: date-time */
                            expires_at: string;
                            id: string;
                            /** @enum {string} */
                            ownership: "verified" | "pending" | "disputed";
                            /** Format: date-time */
                            starts_at: string;
                            status: string;
                        }[];
                        salary_expectation: {
                            currency: string;
                            max: string | null;
                            min: string | null;
                        } | null;
                        skills: string[];
                        /** Format: date-time */
                        updated_at: string;
                        /** @description Send it back with a change: a newer one answers 409 */
                        version: number;
                        years_experience: number | null;
                        yours: boolean;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    updateCandidate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The person agreed to be represented and to have their details shared with companies */
                    consent?: {
                        /** @enum {string} */
                        method: "email" | "written" | "verbal" | "portal";
                        /** @default rtr-2026-01 */
                        text_version?: string;
                    } | null;
                    country?: string | null;
                    current_title?: string | null;
                    email?: string | null;
                    full_name?: string;
                    github_url?: string | null;
                    linkedin_url?: string | null;
                    location?: string | null;
                    notes?: string | null;
                    phone?: string | null;
                    salary_expectation?: {
                        /** @description ISO 4217 currency code */
                        currency: string;
                        max?: string | null;
                        min?: string | null;
                    } | null;
                    /** @description Kept as typed; matched and de-duplicated without regard to case */
                    skills?: string[];
                    /** @description The version you loaded; if someone changed it since, the answer is 409 version_conflict */
                    version?: number;
                    website_url?: string | null;
                    years_experience?: number | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        candidate: {
                            /** @description The representing recruiter sees all; a hiring team only those to its own company */
                            applications: {
                                company_name: string;
                                id: string;
                                role_id: string;
                                role_title: string;
                                stage: string;
                                /** Format: date-time */
                                stage_changed_at: string;
                                /** Format: date-time */
                                submitted_at: string;
                            }[];
                            consent: {
                                /** Format: date-time */
                                given_at: string;
                                method: string;
                                text_version: string | null;
                            } | null;
                            contacts: {
                                email: string | null;
                                github_url: string | null;
                                linkedin_url: string | null;
                                phone: string | null;
                                website_url: string | null;
                            } | null;
                            country: string | null;
                            /** Format: date-time */
                            created_at: string;
                            current_title: string | null;
                            full_name: string;
                            id: string;
                            location: string | null;
                            notes: string | null;
                            recruiter: {
                                id: string;
                                name: string;
                            };
                            /** @description The representing recruiter sees all; a hiring team only its own company’s */
                            representations: {
                                company_id: string;
                                company_name: string;
                                /** Format: date-time */
                                expires_at: string;
                                id: string;
                                /** @enum {string} */
                                ownership: "verified" | "pending" | "disputed";
                                /** Format: date-time */
                                starts_at: string;
                                status: string;
                            }[];
                            salary_expectation: {
                                currency: string;
                                max: string | null;
                                min: string | null;
                            } | null;
                            skills: string[];
                            /** Format: date-time */
                            updated_at: string;
                            /** @description Send it back with a change: a newer one answers 409 */
                            version: number;
                            years_experience: number | null;
                            yours: boolean;
                        };
                        warnings: {
                            candidate_id: string | null;
                            matched_on: ("email" | "phone" | "linkedin" | "github")[];
                            represented_to: {
                                company_id: string;
                                company_name: string;
                                /** Format: date-time */
                                expires_at: string;
                            }[];
                            yours: boolean;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    checkCandidateDuplicates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    country?: string;
                    email?: string;
                    github_url?: string;
                    linkedin_url?: string;
                    phone?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        warnings: {
                            candidate_id: string | null;
                            matched_on: ("email" | "phone" | "linkedin" | "github")[];
                            represented_to: {
                                company_id: string;
                                company_name: string;
                                /** Format: date-time */
                                expires_at: string;
                            }[];
                            yours: boolean;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listCompanies: {
        parameters: {
            query?: {
                /** @description Page size (1-100) */
                limit?: number;
                /** @description Only companies whose hiring team I am on */
                mine?: "true" | "false";
                q?: string;
                /** @description Cursor: the `next_cursor` of the previous page */
                starting_after?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            headquarters: string | null;
                            id: string;
                            industry: string | null;
                            /** @description My place on its hiring team */
                            my_role: ("company_admin" | "hiring_manager") | null;
                            name: string;
                            open_roles: number;
                            organization_id: string;
                            payment_terms: string;
                            size_band: string | null;
                        }[];
                        has_more: boolean;
                        /** @description Pass as `starting_after` to get the next page */
                        next_cursor: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    createCompany: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    billing_address?: string | null;
                    billing_contact_name?: string | null;
                    billing_email?: string | null;
                    /** @description ISO 4217 currency code */
                    default_currency?: string;
                    description?: string | null;
                    headquarters?: string | null;
                    industry?: ("fintech" | "healthcare" | "saas" | "ecommerce" | "cybersecurity" | "ai" | "gaming" | "logistics" | "edtech" | "biotech" | "climate" | "media") | null;
                    name: string;
                    /**
                     * @description Invoice terms: net_30, net_60 or net_90
                     * @enum {string}
                     */
                    payment_terms?: "net_30" | "net_60" | "net_90";
                    size_band?: ("1-10" | "11-50" | "51-200" | "201-1000" | "1001-5000" | "5000+") | null;
                    tax_id?: string | null;
                    website?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Only for the company’s team and platform admins */
                        billing: {
                            billing_address: string | null;
                            billing_contact_name: string | null;
                            billing_email: string | null;
                            tax_id: string | null;
                        } | null;
                        /** Format: date-time */
                        created_at: string;
                        default_currency: string;
                        description: string | null;
                        headquarters: string | null;
                        id: string;
                        industry: string | null;
                        name: string;
                        open_roles: number;
                        /** @enum {string} */
                        payment_terms: "net_30" | "net_60" | "net_90";
                        placements: number;
                        /** @description How many roles in each status */
                        roles_by_status: {
                            [key: string]: number;
                        };
                        size_band: string | null;
                        /** @description Send it back with a change: a newer one answers 409 */
                        version: number;
                        website: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getCompany: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Only for the company’s team and platform admins */
                        billing: {
                            billing_address: string | null;
                            billing_contact_name: string | null;
                            billing_email: string | null;
                            tax_id: string | null;
                        } | null;
                        /** Format: date-time */
                        created_at: string;
                        default_currency: string;
                        description: string | null;
                        headquarters: string | null;
                        id: string;
                        industry: string | null;
                        name: string;
                        open_roles: number;
                        /** @enum {string} */
                        payment_terms: "net_30" | "net_60" | "net_90";
                        placements: number;
                        /** @description How many roles in each status */
                        roles_by_status: {
                            [key: string]: number;
                        };
                        size_band: string | null;
                        /** @description Send it back with a change: a newer one answers 409 */
                        version: number;
                        website: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    updateCompany: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    billing_address?: string | null;
                    billing_contact_name?: string | null;
                    billing_email?: string | null;
                    /** @description ISO 4217 currency code */
                    default_currency?: string;
                    description?: string | null;
                    headquarters?: string | null;
                    industry?: ("fintech" | "healthcare" | "saas" | "ecommerce" | "cybersecurity" | "ai" | "gaming" | "logistics" | "edtech" | "biotech" | "climate" | "media") | null;
                    name?: string;
                    /**
                     * @description Invoice terms: net_30, net_60 or net_90
                     * @enum {string}
                     */
                    payment_terms?: "net_30" | "net_60" | "net_90";
                    size_band?: ("1-10" | "11-50" | "51-200" | "201-1000" | "1001-5000" | "5000+") | null;
                    tax_id?: string | null;
                    /** @description The version you loaded; if someone changed it since, the answer is 409 version_conflict */
                    version?: number;
                    website?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Only for the company’s team and platform admins */
                        billing: {
                            billing_address: string | null;
                            billing_contact_name: string | null;
                            billing_email: string | null;
                            tax_id: string | null;
                        } | null;
                        /** Format: date-time */
                        created_at: string;
                        default_currency: string;
                        description: string | null;
                        headquarters: string | null;
                        id: string;
                        industry: string | null;
                        name: string;
                        open_roles: number;
                        /** @enum {string} */
                        payment_terms: "net_30" | "net_60" | "net_90";
                        placements: number;
                        /** @description How many roles in each status */
                        roles_by_status: {
                            [key: string]: number;
                        };
                        size_band: string | null;
                        /** @description Send it back with a change: a newer one answers 409 */
                        version: number;
                        website: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getCompanyBillingSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        company_id: string;
                        /**
                         * @description On a fall-off, refund what was paid or keep it as credit
                         * @enum {string}
                         */
                        fall_off_policy: "refund" | "credit";
                        /**
                         * @description One invoice per placement, or one per month
                         * @enum {string}
                         */
                        invoice_grouping: "per_placement" | "monthly";
                        /**
                         * @description Invoice when the hire is recorded, or when the guarantee ends
                         * @enum {string}
                         */
                        issue_on: "hire" | "guarantee_end";
                        /** @description 0 until first saved; send it back to change the settings */
                        version: number;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    setCompanyBillingSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    fall_off_policy: "refund" | "credit";
                    /** @enum {string} */
                    invoice_grouping: "per_placement" | "monthly";
                    /** @enum {string} */
                    issue_on: "hire" | "guarantee_end";
                    version: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        company_id: string;
                        /**
                         * @description On a fall-off, refund what was paid or keep it as credit
                         * @enum {string}
                         */
                        fall_off_policy: "refund" | "credit";
                        /**
                         * @description One invoice per placement, or one per month
                         * @enum {string}
                         */
                        invoice_grouping: "per_placement" | "monthly";
                        /**
                         * @description Invoice when the hire is recorded, or when the guarantee ends
                         * @enum {string}
                         */
                        issue_on: "hire" | "guarantee_end";
                        /** @description 0 until first saved; send it back to change the settings */
                        version: number;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listCompanyTeam: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /**
                             * Format: date-time
                             * @description When they joined, or were invited
                             */
                            created_at: string;
                            display_name: string;
                            /** @description The invited address (invitations only; seen by the company’s admins) */
                            email: string | null;
                            /** @description When an open invitation lapses */
                            expires_at: string | null;
                            /** @description The membership id (active) or the invitation id (invited) */
                            id: string;
                            invited_by_name: string | null;
                            /** @enum {string} */
                            role: "company_admin" | "hiring_manager";
                            /** @enum {string} */
                            status: "active" | "invited";
                            /** @description Null until an invitation is accepted */
                            user_id: string | null;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    inviteCompanyTeamMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    display_name: string;
                    email: string;
                    /** @enum {string} */
                    role: "company_admin" | "hiring_manager";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /**
                             * Format: date-time
                             * @description When they joined, or were invited
                             */
                            created_at: string;
                            display_name: string;
                            /** @description The invited address (invitations only; seen by the company’s admins) */
                            email: string | null;
                            /** @description When an open invitation lapses */
                            expires_at: string | null;
                            /** @description The membership id (active) or the invitation id (invited) */
                            id: string;
                            invited_by_name: string | null;
                            /** @enum {string} */
                            role: "company_admin" | "hiring_manager";
                            /** @enum {string} */
                            status: "active" | "invited";
                            /** @description Null until an invitation is accepted */
                            user_id: string | null;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    revokeCompanyTeamInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                invitationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listContracts: {
        parameters: {
            query?: {
                company_id?: string;
                /** @description Page size (1-100) */
                limit?: number;
                /** @description Cursor: the `next_cursor` of the previous page */
                starting_after?: string;
                status?: "pending_approval" | "approved" | "rejected" | "ended";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            approved_at: string | null;
                            approved_by_admin_id: string | null;
                            company: {
                                id: string;
                                name: string;
                            };
                            contract_end_date: string | null;
                            /** Format: date */
                            contract_start_date: string;
                            /** Format: date-time */
                            created_at: string;
                            created_by: string;
                            decision_reason: string | null;
                            discount_percentage_bps: number | null;
                            fall_off_policy: ("refund" | "credit") | null;
                            fee_percentage_bps: number | null;
                            flat_fee: {
                                /** @description Integer amount in minor units (cents, agorot), as a string */
                                amount: string;
                                /** @description ISO 4217 currency code */
                                currency: string;
                            } | null;
                            id: string;
                            issue_on: ("hire" | "guarantee_end") | null;
                            min_placements_per_year: number | null;
                            /** @enum {string} */
                            status: "pending_approval" | "approved" | "rejected" | "ended";
                            terms_document_url: string | null;
                            version: number;
                        }[];
                        has_more: boolean;
                        /** @description Pass as `starting_after` to get the next page */
                        next_cursor: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    createContract: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the request safe to retry (see the description) */
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    company_id: string;
                    contract_end_date?: string | null;
                    /** Format: date */
                    contract_start_date: string;
                    discount_percentage_bps?: number | null;
                    fall_off_policy?: ("refund" | "credit") | null;
                    fee_percentage_bps?: number | null;
                    flat_fee?: {
                        /** @description Minor units (cents) as a string */
                        amount: string;
                        currency: string;
                    } | null;
                    issue_on?: ("hire" | "guarantee_end") | null;
                    min_placements_per_year?: number | null;
                    terms_document_url?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        approved_at: string | null;
                        approved_by_admin_id: string | null;
                        company: {
                            id: string;
                            name: string;
                        };
                        contract_end_date: string | null;
                        /** Format: date */
                        contract_start_date: string;
                        /** Format: date-time */
                        created_at: string;
                        created_by: string;
                        decision_reason: string | null;
                        discount_percentage_bps: number | null;
                        fall_off_policy: ("refund" | "credit") | null;
                        fee_percentage_bps: number | null;
                        flat_fee: {
                            /** @description Integer amount in minor units (cents, agorot), as a string */
                            amount: string;
                            /** @description ISO 4217 currency code */
                            currency: string;
                        } | null;
                        id: string;
                        issue_on: ("hire" | "guarantee_end") | null;
                        min_placements_per_year: number | null;
                        /** @enum {string} */
                        status: "pending_approval" | "approved" | "rejected" | "ended";
                        terms_document_url: string | null;
                        version: number;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getContract: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        approved_at: string | null;
                        approved_by_admin_id: string | null;
                        company: {
                            id: string;
                            name: string;
                        };
                        contract_end_date: string | null;
                        /** Format: date */
                        contract_start_date: string;
                        /** Format: date-time */
                        created_at: string;
                        created_by: string;
                        decision_reason: string | null;
                        discount_percentage_bps: number | null;
                        fall_off_policy: ("refund" | "credit") | null;
                        fee_percentage_bps: number | null;
                        flat_fee: {
                            /** @description Integer amount in minor units (cents, agorot), as a string */
                            amount: string;
                            /** @description ISO 4217 currency code */
                            currency: string;
                        } | null;
                        id: string;
                        issue_on: ("hire" | "guarantee_end") | null;
                        min_placements_per_year: number | null;
                        /** @enum {string} */
                        status: "pending_approval" | "approved" | "rejected" | "ended";
                        terms_document_url: string | null;
                        version: number;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    approveContract: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string;
                    /** @description The version you saw (a concurrent decision is a 409) */
                    version: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        approved_at: string | null;
                        approved_by_admin_id: string | null;
                        company: {
                            id: string;
                            name: string;
                        };
                        contract_end_date: string | null;
                        /** Format: date */
                        contract_start_date: string;
                        /** Format: date-time */
                        created_at: string;
                        created_by: string;
                        decision_reason: string | null;
                        discount_percentage_bps: number | null;
                        fall_off_policy: ("refund" | "credit") | null;
                        fee_percentage_bps: number | null;
                        flat_fee: {
                            /** @description Integer amount in minor units (cents, agorot), as a string */
                            amount: string;
                            /** @description ISO 4217 currency code */
                            currency: string;
                        } | null;
                        id: string;
                        issue_on: ("hire" | "guarantee_end") | null;
                        min_placements_per_year: number | null;
                        /** @enum {string} */
                        status: "pending_approval" | "approved" | "rejected" | "ended";
                        terms_document_url: string | null;
                        version: number;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    rejectContract: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string;
                    /** @description The version you saw (a concurrent decision is a 409) */
                    version: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        approved_at: string | null;
                        approved_by_admin_id: string | null;
                        company: {
                            id: string;
                            name: string;
                        };
                        contract_end_date: string | null;
                        /** Format: date */
                        contract_start_date: string;
                        /** Format: date-time */
                        created_at: string;
                        created_by: string;
                        decision_reason: string | null;
                        discount_percentage_bps: number | null;
                        fall_off_policy: ("refund" | "credit") | null;
                        fee_percentage_bps: number | null;
                        flat_fee: {
                            /** @description Integer amount in minor units (cents, agorot), as a string */
                            amount: string;
                            /** @description ISO 4217 currency code */
                            currency: string;
                        } | null;
                        id: string;
                        issue_on: ("hire" | "guarantee_end") | null;
                        min_placements_per_year: number | null;
                        /** @enum {string} */
                        status: "pending_approval" | "approved" | "rejected" | "ended";
                        terms_document_url: string | null;
                        version: number;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listDevOutbox: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Only messages to this address or E.164 number */
                recipient?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            body: string;
                            channel: string;
                            /** Format: date-time */
                            created_at: string;
                            id: string;
                            recipient: string;
                            subject: string | null;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listDemoPersonas: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            description: string;
                            email: string | null;
                            key: string;
                            /** @enum {string} */
                            marketplace: "splits" | "ofair";
                            name: string;
                            phone: string | null;
                            roles: string[];
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listErrorCodes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            code: string;
                            /** @description The module that defines the code (kernel codes apply everywhere) */
                            module: string;
                            status: number;
                            title: string;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listInvoices: {
        parameters: {
            query?: {
                company_id?: string;
                /** @description Page size (1-100) */
                limit?: number;
                placement_id?: string;
                /** @description Cursor: the `next_cursor` of the previous page */
                starting_after?: string;
                status?: "draft" | "open" | "partially_paid" | "paid" | "void" | "overdue";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            amount_credited: {
                                /** @description Integer amount in minor units (cents, agorot), as a string */
                                amount: string;
                                /** @description ISO 4217 currency code */
                                currency: string;
                            };
                            amount_paid: {
                                /** @description Integer amount in minor units (cents, agorot), as a string */
                                amount: string;
                                /** @description ISO 4217 currency code */
                                currency: string;
                            };
                            amount_refunded: {
                                /** @description Integer amount in minor units (cents, agorot), as a string */
                                amount: string;
                                /** @description ISO 4217 currency code */
                                currency: string;
                            };
                            company: {
                                id: string;
                                name: string;
                            };
                            /** Format: date-time */
                            created_at: string;
                            due_on: string | null;
                            /** @enum {string} */
                            grouping: "per_placement" | "monthly";
                            id: string;
                            issued_on: string | null;
                            lines: number;
                            number: string | null;
                            outstanding: {
                                /** @description Integer amount in minor units (cents, agorot), as a string */
                                amount: string;
                                /** @description ISO 4217 currency code */
                                currency: string;
                            };
                            /**
                             * @description `overdue` is derived: open or partly paid past the due date
                             * @enum {string}
                             */
                            status: "draft" | "open" | "partially_paid" | "paid" | "void" | "overdue";
                            total: {
                                /** @description Integer amount in minor units (cents, agorot), as a string */
                                amount: string;
                                /** @description ISO 4217 currency code */
                                currency: string;
                            };
                        }[];
                        has_more: boolean;
                        /** @description Pass as `starting_after` to get the next page */
                        next_cursor: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getInvoice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        amount_credited: {
                            /** @description Integer amount in minor units (cents, agorot), as a string */
                            amount: string;
                            /** @description ISO 4217 currency code */
                            currency: string;
                        };
                        amount_paid: {
                            /** @description Integer amount in minor units (cents, agorot), as a string */
                            amount: string;
                            /** @description ISO 4217 currency code */
                            currency: string;
                        };
                        amount_refunded: {
                            /** @description Integer amount in minor units (cents, agorot), as a string */
                            amount: string;
                            /** @description ISO 4217 currency code */
                            currency: string;
                        };
                        company: {
                            id: string;
                            name: string;
                        };
                        /** Format: date-time */
                        created_at: string;
                        credit_notes: {
                            amount: {
                                /** @description Integer amount in minor units (cents, agorot), as a string */
                                amount: string;
                                /** @description ISO 4217 currency code */
                                currency: string;
                            };
                            /** Format: date-time */
                            created_at: string;
                            id: string;
                            placement_id: string;
                            reason: string;
                        }[];
                        due_on: string | null;
                        /** @enum {string} */
                        grouping: "per_placement" | "monthly";
                        id: string;
                        issued_on: string | null;
                        lines: {
                            amount: {
                                /** @description Integer amount in minor units (cents, agorot), as a string */
                                amount: string;
                                /** @description ISO 4217 currency code */
                                currency: string;
                            };
                            description: string;
                            fee_statement_id: string;
                            id: string;
                            placement_id: string;
                        }[];
                        number: string | null;
                        outstanding: {
                            /** @description Integer amount in minor units (cents, agorot), as a string */
                            amount: string;
                            /** @description ISO 4217 currency code */
                            currency: string;
                        };
                        /** @enum {string} */
                        payment_terms: "net_30" | "net_60" | "net_90";
                        payments: {
                            amount: {
                                /** @description Integer amount in minor units (cents, agorot), as a string */
                                amount: string;
                                /** @description ISO 4217 currency code */
                                currency: string;
                            };
                            amount_refunded: {
                                /** @description Integer amount in minor units (cents, agorot), as a string */
                                amount: string;
                                /** @description ISO 4217 currency code */
                                currency: string;
                            };
                            /** Format: date-time */
                            created_at: string;
                            failure_reason: string | null;
                            id: string;
                            /** @enum {string} */
                            method: "card" | "bank_debit" | "bank_transfer" | "credit";
                            received_on: string | null;
                            reference: string | null;
                            /** @enum {string} */
                            status: "pending" | "processing" | "succeeded" | "failed" | "canceled";
                        }[];
                        period: {
                            end: string | null;
                            /** Format: date */
                            start: string;
                        } | null;
                        refunds: {
                            amount: {
                                /** @description Integer amount in minor units (cents, agorot), as a string */
                                amount: string;
                                /** @description ISO 4217 currency code */
                                currency: string;
                            };
                            /** Format: date-time */
                            created_at: string;
                            id: string;
                            method: string;
                            payment_id: string;
                            reason: string;
                            /** @enum {string} */
                            status: "pending" | "succeeded" | "failed";
                        }[];
                        /**
                         * @description `overdue` is derived: open or partly paid past the due date
                         * @enum {string}
                         */
                        status: "draft" | "open" | "partially_paid" | "paid" | "void" | "overdue";
                        total: {
                            /** @description Integer amount in minor units (cents, agorot), as a string */
                            amount: string;
                            /** @description ISO 4217 currency code */
                            currency: string;
                        };
                        void_reason: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getInvoicePdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description application/pdf */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getInvoiceDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/html */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    payInvoice: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the request safe to retry (see the description) */
                "idempotency-key"?: string;
            };
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Minor units (cents) as a string */
                    amount?: string;
                    /** @enum {string} */
                    method: "card" | "bank_debit";
                    /** @description The provider’s payment method id, e.g. pm_card_visa */
                    payment_method: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        payment_id: string;
                        /** @enum {string} */
                        status: "succeeded" | "processing" | "requires_action";
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    recordInvoicePayment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the request safe to retry (see the description) */
                "idempotency-key"?: string;
            };
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Minor units (cents) as a string */
                    amount: string;
                    currency: string;
                    /** Format: date */
                    received_on: string;
                    /** @description The bank’s reference of the transfer */
                    reference: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        invoice: {
                            amount_credited: {
                                /** @description Integer amount in minor units (cents, agorot), as a string */
                                amount: string;
                                /** @description ISO 4217 currency code */
                                currency: string;
                            };
                            amount_paid: {
                                /** @description Integer amount in minor units (cents, agorot), as a string */
                                amount: string;
                                /** @description ISO 4217 currency code */
                                currency: string;
                            };
                            amount_refunded: {
                                /** @description Integer amount in minor units (cents, agorot), as a string */
                                amount: string;
                                /** @description ISO 4217 currency code */
                                currency: string;
                            };
                            company: {
                                id: string;
                                name: string;
                            };
                            /** Format: date-time */
                            created_at: string;
                            credit_notes: {
                                amount: {
                                    /** @description Integer amount in minor units (cents, agorot), as a string */
                                    amount: string;
                                    /** @description ISO 4217 currency code */
                                    currency: string;
                                };
                                /** Format: date-time */
                                created_at: string;
                                id: string;
                                placement_id: string;
                                reason: string;
                            }[];
                            due_on: string | null;
                            /** @enum {string} */
                            grouping: "per_placement" | "monthly";
                            id: string;
                            issued_on: string | null;
                            lines: {
                                amount: {
                                    /** @description Integer amount in minor units (cents, agorot), as a string */
                                    amount: string;
                                    /** @description ISO 4217 currency code */
                                    currency: string;
                                };
                                description: string;
                                fee_statement_id: string;
                                id: string;
                                placement_id: string;
                            }[];
                            number: string | null;
                            outstanding: {
                                /** @description Integer amount in minor units (cents, agorot), as a string */
                                amount: string;
                                /** @description ISO 4217 currency code */
                                currency: string;
                            };
                            /** @enum {string} */
                            payment_terms: "net_30" | "net_60" | "net_90";
                            payments: {
                                amount: {
                                    /** @description Integer amount in minor units (cents, agorot), as a string */
                                    amount: string;
                                    /** @description ISO 4217 currency code */
                                    currency: string;
                                };
                                amount_refunded: {
                                    /** @description Integer amount in minor units (cents, agorot), as a string */
                                    amount: string;
                                    /** @description ISO 4217 currency code */
                                    currency: string;
                                };
                                /** Format: date-time */
                                created_at: string;
                                failure_reason: string | null;
                                id: string;
                                /** @enum {string} */
                                method: "card" | "bank_debit" | "bank_transfer" | "credit";
                                received_on: string | null;
                                reference: string | null;
                                /** @enum {string} */
                                status: "pending" | "processing" | "succeeded" | "failed" | "canceled";
                            }[];
                            period: {
                                end: string | null;
                                /** Format: date */
                                start: string;
                            } | null;
                            refunds: {
                                amount: {
                                    /** @description Integer amount in minor units (cents, agorot), as a string */
                                    amount: string;
                                    /** @description ISO 4217 currency code */
                                    currency: string;
                                };
                                /** Format: date-time */
                                created_at: string;
                                id: string;
                                method: string;
                                payment_id: string;
                                reason: string;
                                /** @enum {string} */
                                status: "pending" | "succeeded" | "failed";
                            }[];
                            /**
                             * @description `overdue` is derived: open or partly paid past the due date
                             * @enum {string}
                             */
                            status: "draft" | "open" | "partially_paid" | "paid" | "void" | "overdue";
                            total: {
                                /** @description Integer amount in minor units (cents, agorot), as a string */
                                amount: string;
                                /** @description ISO 4217 currency code */
                                currency: string;
                            };
                            void_reason: string | null;
                        };
                        payment_id: string;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listMyApplications: {
        parameters: {
            query?: {
                /** @description Page size (1-100) */
                limit?: number;
                /** @description Cursor: the `next_cursor` of the previous page */
                starting_after?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            company_name: string;
                            id: string;
                            role_title: string;
                            /** @enum {string} */
                            stage: "submitted" | "screening" | "interview" | "offer" | "hired" | "rejected" | "withdrawn";
                            /** Format: date-time */
                            stage_changed_at: string;
                            /** Format: date-time */
                            submitted_at: string;
                        }[];
                        has_more: boolean;
                        /** @description Pass as `starting_after` to get the next page */
                        next_cursor: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listNotifications: {
        parameters: {
            query?: {
                /** @description Page size (1-100) */
                limit?: number;
                /** @description Cursor: the `next_cursor` of the previous page */
                starting_after?: string;
                unread?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            body: string;
                            /** Format: date-time */
                            created_at: string;
                            id: string;
                            link: string | null;
                            read_at: string | null;
                            title: string;
                            /** @description The notice kind (see the preferences) */
                            type: string;
                        }[];
                        has_more: boolean;
                        /** @description Pass as `starting_after` to get the next page */
                        next_cursor: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    markNotificationRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getNotificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            email: boolean;
                            event_type: string;
                            in_app: boolean;
                            label: string;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    setNotificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    preferences: {
                        email: boolean;
                        event_type: string;
                        in_app: boolean;
                    }[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            email: boolean;
                            event_type: string;
                            in_app: boolean;
                            label: string;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    markAllNotificationsRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    countUnreadNotifications: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        count: number;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listOfairContactAccessLogs: {
        parameters: {
            query?: {
                lead_id?: string;
                /** @description Page size (1-100) */
                limit?: number;
                /** @description Cursor: the `next_cursor` of the previous page */
                starting_after?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            accessor: {
                                display_name: string | null;
                                user_id: string;
                            };
                            /** @enum {string} */
                            accessor_role: "owner" | "winner" | "admin";
                            /** @enum {string} */
                            action: "revealed" | "viewed";
                            fields: string[];
                            id: string;
                            ip: string | null;
                            lead_id: string;
                            /** Format: date-time */
                            occurred_at: string;
                            user_agent: string | null;
                        }[];
                        has_more: boolean;
                        /** @description Pass as `starting_after` to get the next page */
                        next_cursor: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listOfairLeadsForAdmin: {
        parameters: {
            query?: {
                /** @description Page size (1-100) */
                limit?: number;
                q?: string;
                /** @description Cursor: the `next_cursor` of the previous page */
                starting_after?: string;
                status?: "active" | "pending" | "closed";
                type?: "consumer" | "professional_referral";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            budget: {
                                max: {
                                    amount: string;
                                    currency: string;
                                } | null;
                                min: {
                                    amount: string;
                                    currency: string;
                                } | null;
                            } | null;
                            category: {
                                id: string;
                                name: string;
                            };
                            close_reason: ("completed" | "cancelled" | "removed") | null;
                            /** Format: date-time */
                            created_at: string;
                            /** @description From the board’s centre (locality to locality) */
                            distance_km: number | null;
                            id: string;
                            locality: {
                                district: string;
                                id: number;
                                name: string;
                            };
                            owner_professional: {
                                display_name: string;
                                id: string;
                            } | null;
                            /** @description Published by a subscriber: pinned on the board */
                            pinned: boolean;
                            proposals_count: number;
                            /** Format: date-time */
                            published_at: string;
                            referrer_share_percentage: number | null;
                            short_description: string;
                            /** @enum {string} */
                            status: "active" | "pending" | "closed";
                            subcategory: {
                                id: string;
                                name: string;
                            } | null;
                            title: string;
                            /** @enum {string} */
                            type: "consumer" | "professional_referral";
                        }[];
                        has_more: boolean;
                        /** @description Pass as `starting_after` to get the next page */
                        next_cursor: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    removeOfairLead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accepted_proposal_id: string | null;
                        attachments: {
                            id: string;
                            mime: string;
                            name: string;
                            url: string;
                        }[];
                        budget: {
                            max: {
                                amount: string;
                                currency: string;
                            } | null;
                            min: {
                                amount: string;
                                currency: string;
                            } | null;
                        } | null;
                        can_propose: boolean;
                        can_see_client: boolean;
                        can_share: boolean;
                        category: {
                            id: string;
                            name: string;
                        };
                        /** @description Referrals of the lead the caller may see */
                        chain: {
                            chain_total_percentage: number;
                            commission_percentage: number;
                            /** Format: date-time */
                            created_at: string;
                            id: string;
                            level: number;
                            receiver: {
                                display_name: string;
                                id: string;
                            };
                            referrer: {
                                display_name: string;
                                id: string;
                            };
                            /** @enum {string} */
                            status: "pending" | "accepted" | "rejected" | "completed";
                        }[];
                        /** @description Same as full_description */
                        client_notes: string | null;
                        close_reason: ("completed" | "cancelled" | "removed") | null;
                        /** Format: date-time */
                        created_at: string;
                        /** @description From the board’s centre (locality to locality) */
                        distance_km: number | null;
                        final_amount: {
                            amount: string;
                            currency: string;
                        } | null;
                        /** @description The owner, the accepted professional and admins */
                        full_description: string | null;
                        id: string;
                        is_owner: boolean;
                        locality: {
                            district: string;
                            id: number;
                            name: string;
                        };
                        my_proposal: {
                            id: string;
                            status: string;
                        } | null;
                        /** @description The referral that brought this lead to me */
                        my_referral: {
                            chain_total_percentage: number;
                            id: string;
                            level: number;
                            status: string;
                        } | null;
                        owner_professional: {
                            display_name: string;
                            id: string;
                        } | null;
                        /** @description Published by a subscriber: pinned on the board */
                        pinned: boolean;
                        platform_commission_percentage: number;
                        preferred_schedule: string | null;
                        proposals_count: number;
                        /** Format: date-time */
                        published_at: string;
                        referrer_share_percentage: number | null;
                        short_description: string;
                        /** @enum {string} */
                        status: "active" | "pending" | "closed";
                        subcategory: {
                            id: string;
                            name: string;
                        } | null;
                        title: string;
                        /** @enum {string} */
                        type: "consumer" | "professional_referral";
                        /** Format: date-time */
                        updated_at: string;
                        version: number;
                        winner: {
                            display_name: string;
                            id: string;
                        } | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listOfairProfessionalsForAdmin: {
        parameters: {
            query?: {
                /** @description Page size (1-100) */
                limit?: number;
                /** @description Cursor: the `next_cursor` of the previous page */
                starting_after?: string;
                status?: "pending" | "verified" | "rejected" | "suspended";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            base_locality: {
                                id: number;
                                name: string;
                            };
                            business_number: string;
                            /** @enum {string} */
                            business_type: "osek_murshe" | "osek_patur" | "company";
                            certificates: {
                                /** Format: date-time */
                                created_at: string;
                                id: string;
                                mime: string;
                                name: string;
                                title: string;
                                /** @description Valid for 5 minutes */
                                url: string;
                            }[];
                            company_name: string | null;
                            /** Format: date-time */
                            created_at: string;
                            display_name: string;
                            id: string;
                            profession: {
                                id: string;
                                name: string;
                            };
                            /** @enum {string} */
                            status: "pending" | "verified" | "rejected" | "suspended";
                            verification_note: string | null;
                        }[];
                        has_more: boolean;
                        /** @description Pass as `starting_after` to get the next page */
                        next_cursor: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listOfairCategories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            id: string;
                            /** @description Hebrew name */
                            name: string;
                            name_en: string;
                            subcategories: {
                                id: string;
                                name: string;
                                name_en: string;
                            }[];
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    uploadOfairFile: {
        parameters: {
            query: {
                /** @description The file’s name as the person chose it */
                name: string;
                purpose: "certificate" | "lead_attachment" | "proposal_media";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        mime: string;
                        name: string;
                        size_bytes: number;
                        /** @description A link to the file, valid for 5 minutes */
                        url: string;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getOfairFileContent: {
        parameters: {
            query: {
                expires: number;
                sig: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file’s bytes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    createOfairLead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    budget_max?: {
                        amount: string;
                        /** @enum {string} */
                        currency: "ILS";
                    } | null;
                    budget_min?: {
                        amount: string;
                        /** @enum {string} */
                        currency: "ILS";
                    } | null;
                    category_id: string;
                    /** @description Private until the owner accepts a proposal */
                    client_name: string;
                    /** @default  */
                    full_description?: string;
                    /** @description From GET /api/ofair/localities */
                    locality_id: number;
                    preferred_schedule?: string | null;
                    /** @description Shown on the board */
                    short_description: string;
                    /** @description Street and number (private: the client’s address) */
                    street: string;
                    subcategory_id?: string | null;
                    title: string;
                    /** @enum {string} */
                    type: "consumer";
                } | {
                    /**
                     * @description Uploads of purpose "lead_attachment"
                     * @default []
                     */
                    attachment_ids?: string[];
                    category_id: string;
                    /** @description Private until the owner accepts a proposal */
                    client_name: string;
                    /** @default  */
                    client_notes?: string;
                    /** @description The client’s Israeli mobile number (private) */
                    client_phone: string;
                    /** @description An amount in agorot (1 ₪ = 100), as a string, and the currency (ILS) */
                    estimated_budget: {
                        amount: string;
                        /** @enum {string} */
                        currency: "ILS";
                    };
                    /** @description From GET /api/ofair/localities */
                    locality_id: number;
                    preferred_schedule: string;
                    /** @description Your share of the final amount when someone else performs the job: 0-90% */
                    referrer_share_percentage: number;
                    /** @description Shown on the board */
                    short_description: string;
                    /** @description Street and number (private: the client’s address) */
                    street: string;
                    subcategory_id?: string | null;
                    title: string;
                    /** @enum {string} */
                    type: "professional_referral";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accepted_proposal_id: string | null;
                        attachments: {
                            id: string;
                            mime: string;
                            name: string;
                            url: string;
                        }[];
                        budget: {
                            max: {
                                amount: string;
                                currency: string;
                            } | null;
                            min: {
                                amount: string;
                                currency: string;
                            } | null;
                        } | null;
                        can_propose: boolean;
                        can_see_client: boolean;
                        can_share: boolean;
                        category: {
                            id: string;
                            name: string;
                        };
                        /** @description Referrals of the lead the caller may see */
                        chain: {
                            chain_total_percentage: number;
                            commission_percentage: number;
                            /** Format: date-time */
                            created_at: string;
                            id: string;
                            level: number;
                            receiver: {
                                display_name: string;
                                id: string;
                            };
                            referrer: {
                                display_name: string;
                                id: string;
                            };
                            /** @enum {string} */
                            status: "pending" | "accepted" | "rejected" | "completed";
                        }[];
                        /** @description Same as full_description */
                        client_notes: string | null;
                        close_reason: ("completed" | "cancelled" | "removed") | null;
                        /** Format: date-time */
                        created_at: string;
                        /** @description From the board’s centre (locality to locality) */
                        distance_km: number | null;
                        final_amount: {
                            amount: string;
                            currency: string;
                        } | null;
                        /** @description The owner, the accepted professional and admins */
                        full_description: string | null;
                        id: string;
                        is_owner: boolean;
                        locality: {
                            district: string;
                            id: number;
                            name: string;
                        };
                        my_proposal: {
                            id: string;
                            status: string;
                        } | null;
                        /** @description The referral that brought this lead to me */
                        my_referral: {
                            chain_total_percentage: number;
                            id: string;
                            level: number;
                            status: string;
                        } | null;
                        owner_professional: {
                            display_name: string;
                            id: string;
                        } | null;
                        /** @description Published by a subscriber: pinned on the board */
                        pinned: boolean;
                        platform_commission_percentage: number;
                        preferred_schedule: string | null;
                        proposals_count: number;
                        /** Format: date-time */
                        published_at: string;
                        referrer_share_percentage: number | null;
                        short_description: string;
                        /** @enum {string} */
                        status: "active" | "pending" | "closed";
                        subcategory: {
                            id: string;
                            name: string;
                        } | null;
                        title: string;
                        /** @enum {string} */
                        type: "consumer" | "professional_referral";
                        /** Format: date-time */
                        updated_at: string;
                        version: number;
                        winner: {
                            display_name: string;
                            id: string;
                        } | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getOfairLead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accepted_proposal_id: string | null;
                        attachments: {
                            id: string;
                            mime: string;
                            name: string;
                            url: string;
                        }[];
                        budget: {
                            max: {
                                amount: string;
                                currency: string;
                            } | null;
                            min: {
                                amount: string;
                                currency: string;
                            } | null;
                        } | null;
                        can_propose: boolean;
                        can_see_client: boolean;
                        can_share: boolean;
                        category: {
                            id: string;
                            name: string;
                        };
                        /** @description Referrals of the lead the caller may see */
                        chain: {
                            chain_total_percentage: number;
                            commission_percentage: number;
                            /** Format: date-time */
                            created_at: string;
                            id: string;
                            level: number;
                            receiver: {
                                display_name: string;
                                id: string;
                            };
                            referrer: {
                                display_name: string;
                                id: string;
                            };
                            /** @enum {string} */
                            status: "pending" | "accepted" | "rejected" | "completed";
                        }[];
                        /** @description Same as full_description */
                        client_notes: string | null;
                        close_reason: ("completed" | "cancelled" | "removed") | null;
                        /** Format: date-time */
                        created_at: string;
                        /** @description From the board’s centre (locality to locality) */
                        distance_km: number | null;
                        final_amount: {
                            amount: string;
                            currency: string;
                        } | null;
                        /** @description The owner, the accepted professional and admins */
                        full_description: string | null;
                        id: string;
                        is_owner: boolean;
                        locality: {
                            district: string;
                            id: number;
                            name: string;
                        };
                        my_proposal: {
                            id: string;
                            status: string;
                        } | null;
                        /** @description The referral that brought this lead to me */
                        my_referral: {
                            chain_total_percentage: number;
                            id: string;
                            level: number;
                            status: string;
                        } | null;
                        owner_professional: {
                            display_name: string;
                            id: string;
                        } | null;
                        /** @description Published by a subscriber: pinned on the board */
                        pinned: boolean;
                        platform_commission_percentage: number;
                        preferred_schedule: string | null;
                        proposals_count: number;
                        /** Format: date-time */
                        published_at: string;
                        referrer_share_percentage: number | null;
                        short_description: string;
                        /** @enum {string} */
                        status: "active" | "pending" | "closed";
                        subcategory: {
                            id: string;
                            name: string;
                        } | null;
                        title: string;
                        /** @enum {string} */
                        type: "consumer" | "professional_referral";
                        /** Format: date-time */
                        updated_at: string;
                        version: number;
                        winner: {
                            display_name: string;
                            id: string;
                        } | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    updateOfairLead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    budget_max?: {
                        amount: string;
                        /** @enum {string} */
                        currency: "ILS";
                    } | null;
                    budget_min?: {
                        amount: string;
                        /** @enum {string} */
                        currency: "ILS";
                    } | null;
                    category_id?: string;
                    /** @description Private until the owner accepts a proposal */
                    client_name?: string;
                    client_notes?: string;
                    client_phone?: string;
                    /** @description An amount in agorot (1 ₪ = 100), as a string, and the currency (ILS) */
                    estimated_budget?: {
                        amount: string;
                        /** @enum {string} */
                        currency: "ILS";
                    };
                    full_description?: string;
                    /** @description From GET /api/ofair/localities */
                    locality_id?: number;
                    preferred_schedule?: string | null;
                    referrer_share_percentage?: number;
                    /** @description Shown on the board */
                    short_description?: string;
                    /** @description Street and number (private: the client’s address) */
                    street?: string;
                    subcategory_id?: string | null;
                    title?: string;
                    /** @description The version you loaded; a newer one answers 409 version_conflict */
                    version: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accepted_proposal_id: string | null;
                        attachments: {
                            id: string;
                            mime: string;
                            name: string;
                            url: string;
                        }[];
                        budget: {
                            max: {
                                amount: string;
                                currency: string;
                            } | null;
                            min: {
                                amount: string;
                                currency: string;
                            } | null;
                        } | null;
                        can_propose: boolean;
                        can_see_client: boolean;
                        can_share: boolean;
                        category: {
                            id: string;
                            name: string;
                        };
                        /** @description Referrals of the lead the caller may see */
                        chain: {
                            chain_total_percentage: number;
                            commission_percentage: number;
                            /** Format: date-time */
                            created_at: string;
                            id: string;
                            level: number;
                            receiver: {
                                display_name: string;
                                id: string;
                            };
                            referrer: {
                                display_name: string;
                                id: string;
                            };
                            /** @enum {string} */
                            status: "pending" | "accepted" | "rejected" | "completed";
                        }[];
                        /** @description Same as full_description */
                        client_notes: string | null;
                        close_reason: ("completed" | "cancelled" | "removed") | null;
                        /** Format: date-time */
                        created_at: string;
                        /** @description From the board’s centre (locality to locality) */
                        distance_km: number | null;
                        final_amount: {
                            amount: string;
                            currency: string;
                        } | null;
                        /** @description The owner, the accepted professional and admins */
                        full_description: string | null;
                        id: string;
                        is_owner: boolean;
                        locality: {
                            district: string;
                            id: number;
                            name: string;
                        };
                        my_proposal: {
                            id: string;
                            status: string;
                        } | null;
                        /** @description The referral that brought this lead to me */
                        my_referral: {
                            chain_total_percentage: number;
                            id: string;
                            level: number;
                            status: string;
                        } | null;
                        owner_professional: {
                            display_name: string;
                            id: string;
                        } | null;
                        /** @description Published by a subscriber: pinned on the board */
                        pinned: boolean;
                        platform_commission_percentage: number;
                        preferred_schedule: string | null;
                        proposals_count: number;
                        /** Format: date-time */
                        published_at: string;
                        referrer_share_percentage: number | null;
                        short_description: string;
                        /** @enum {string} */
                        status: "active" | "pending" | "closed";
                        subcategory: {
                            id: string;
                            name: string;
                        } | null;
                        title: string;
                        /** @enum {string} */
                        type: "consumer" | "professional_referral";
                        /** Format: date-time */
                        updated_at: string;
                        version: number;
                        winner: {
                            display_name: string;
                            id: string;
                        } | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    cancelOfairLead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The version you loaded; a newer one answers 409 version_conflict */
                    version?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accepted_proposal_id: string | null;
                        attachments: {
                            id: string;
                            mime: string;
                            name: string;
                            url: string;
                        }[];
                        budget: {
                            max: {
                                amount: string;
                                currency: string;
                            } | null;
                            min: {
                                amount: string;
                                currency: string;
                            } | null;
                        } | null;
                        can_propose: boolean;
                        can_see_client: boolean;
                        can_share: boolean;
                        category: {
                            id: string;
                            name: string;
                        };
                        /** @description Referrals of the lead the caller may see */
                        chain: {
                            chain_total_percentage: number;
                            commission_percentage: number;
                            /** Format: date-time */
                            created_at: string;
                            id: string;
                            level: number;
                            receiver: {
                                display_name: string;
                                id: string;
                            };
                            referrer: {
                                display_name: string;
                                id: string;
                            };
                            /** @enum {string} */
                            status: "pending" | "accepted" | "rejected" | "completed";
                        }[];
                        /** @description Same as full_description */
                        client_notes: string | null;
                        close_reason: ("completed" | "cancelled" | "removed") | null;
                        /** Format: date-time */
                        created_at: string;
                        /** @description From the board’s centre (locality to locality) */
                        distance_km: number | null;
                        final_amount: {
                            amount: string;
                            currency: string;
                        } | null;
                        /** @description The owner, the accepted professional and admins */
                        full_description: string | null;
                        id: string;
                        is_owner: boolean;
                        locality: {
                            district: string;
                            id: number;
                            name: string;
                        };
                        my_proposal: {
                            id: string;
                            status: string;
                        } | null;
                        /** @description The referral that brought this lead to me */
                        my_referral: {
                            chain_total_percentage: number;
                            id: string;
                            level: number;
                            status: string;
                        } | null;
                        owner_professional: {
                            display_name: string;
                            id: string;
                        } | null;
                        /** @description Published by a subscriber: pinned on the board */
                        pinned: boolean;
                        platform_commission_percentage: number;
                        preferred_schedule: string | null;
                        proposals_count: number;
                        /** Format: date-time */
                        published_at: string;
                        referrer_share_percentage: number | null;
                        short_description: string;
                        /** @enum {string} */
                        status: "active" | "pending" | "closed";
                        subcategory: {
                            id: string;
                            name: string;
                        } | null;
                        title: string;
                        /** @enum {string} */
                        type: "consumer" | "professional_referral";
                        /** Format: date-time */
                        updated_at: string;
                        version: number;
                        winner: {
                            display_name: string;
                            id: string;
                        } | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getOfairLeadClient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        client_address: string;
                        client_name: string;
                        /** @description E.164 */
                        client_phone: string;
                        lead_id: string;
                        /** @enum {string} */
                        seen_as: "owner" | "winner" | "admin";
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    completeOfairLead: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the request safe to retry (see the description) */
                "idempotency-key"?: string;
            };
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description An amount in agorot (1 ₪ = 100), as a string, and the currency (ILS) */
                    final_amount: {
                        amount: string;
                        /** @enum {string} */
                        currency: "ILS";
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accepted_proposal_id: string | null;
                        attachments: {
                            id: string;
                            mime: string;
                            name: string;
                            url: string;
                        }[];
                        budget: {
                            max: {
                                amount: string;
                                currency: string;
                            } | null;
                            min: {
                                amount: string;
                                currency: string;
                            } | null;
                        } | null;
                        can_propose: boolean;
                        can_see_client: boolean;
                        can_share: boolean;
                        category: {
                            id: string;
                            name: string;
                        };
                        /** @description Referrals of the lead the caller may see */
                        chain: {
                            chain_total_percentage: number;
                            commission_percentage: number;
                            /** Format: date-time */
                            created_at: string;
                            id: string;
                            level: number;
                            receiver: {
                                display_name: string;
                                id: string;
                            };
                            referrer: {
                                display_name: string;
                                id: string;
                            };
                            /** @enum {string} */
                            status: "pending" | "accepted" | "rejected" | "completed";
                        }[];
                        /** @description Same as full_description */
                        client_notes: string | null;
                        close_reason: ("completed" | "cancelled" | "removed") | null;
                        /** Format: date-time */
                        created_at: string;
                        /** @description From the board’s centre (locality to locality) */
                        distance_km: number | null;
                        final_amount: {
                            amount: string;
                            currency: string;
                        } | null;
                        /** @description The owner, the accepted professional and admins */
                        full_description: string | null;
                        id: string;
                        is_owner: boolean;
                        locality: {
                            district: string;
                            id: number;
                            name: string;
                        };
                        my_proposal: {
                            id: string;
                            status: string;
                        } | null;
                        /** @description The referral that brought this lead to me */
                        my_referral: {
                            chain_total_percentage: number;
                            id: string;
                            level: number;
                            status: string;
                        } | null;
                        owner_professional: {
                            display_name: string;
                            id: string;
                        } | null;
                        /** @description Published by a subscriber: pinned on the board */
                        pinned: boolean;
                        platform_commission_percentage: number;
                        preferred_schedule: string | null;
                        proposals_count: number;
                        /** Format: date-time */
                        published_at: string;
                        referrer_share_percentage: number | null;
                        short_description: string;
                        /** @enum {string} */
                        status: "active" | "pending" | "closed";
                        subcategory: {
                            id: string;
                            name: string;
                        } | null;
                        title: string;
                        /** @enum {string} */
                        type: "consumer" | "professional_referral";
                        /** Format: date-time */
                        updated_at: string;
                        version: number;
                        winner: {
                            display_name: string;
                            id: string;
                        } | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listOfairLeadProposals: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            id: string;
                            is_mine: boolean;
                            lead_id: string;
                            media: {
                                id: string;
                                mime: string;
                                name: string;
                                url: string;
                            }[];
                            price: {
                                amount: string;
                                currency: string;
                            };
                            professional: {
                                display_name: string;
                                id: string;
                                rating: number | null;
                                review_count: number;
                                verified: boolean;
                            };
                            rejected_reason: ("another_accepted" | "lead_closed") | null;
                            scheduled_date: string | null;
                            /** @enum {string} */
                            status: "pending" | "accepted" | "rejected" | "cancelled";
                            /** Format: date-time */
                            updated_at: string;
                            version: number;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    createOfairProposal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description: string;
                    /**
                     * @description Uploads of purpose "proposal_media"
                     * @default []
                     */
                    media_ids?: string[];
                    /** @description An amount in agorot (1 ₪ = 100), as a string, and the currency (ILS) */
                    price: {
                        amount: string;
                        /** @enum {string} */
                        currency: "ILS";
                    };
                    scheduled_date?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        created_at: string;
                        description: string;
                        id: string;
                        is_mine: boolean;
                        lead_id: string;
                        media: {
                            id: string;
                            mime: string;
                            name: string;
                            url: string;
                        }[];
                        price: {
                            amount: string;
                            currency: string;
                        };
                        professional: {
                            display_name: string;
                            id: string;
                            rating: number | null;
                            review_count: number;
                            verified: boolean;
                        };
                        rejected_reason: ("another_accepted" | "lead_closed") | null;
                        scheduled_date: string | null;
                        /** @enum {string} */
                        status: "pending" | "accepted" | "rejected" | "cancelled";
                        /** Format: date-time */
                        updated_at: string;
                        version: number;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    shareOfairLead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Onward referrals: your share (the chain’s total stays at most 90%). The uploader’s offers carry the lead’s share. */
                    commission_percentage?: number;
                    note?: string;
                    /** @description Professionals to offer the lead to */
                    receiver_ids: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            accepted_at: string | null;
                            chain_total_percentage: number;
                            closed_reason: ("declined" | "claimed_by_other" | "lead_closed") | null;
                            commission_percentage: number;
                            /** Format: date-time */
                            created_at: string;
                            /** @enum {string} */
                            direction: "received" | "sent";
                            id: string;
                            lead: {
                                category: {
                                    id: string;
                                    name: string;
                                };
                                id: string;
                                locality: {
                                    id: number;
                                    name: string;
                                };
                                /** @enum {string} */
                                status: "active" | "pending" | "closed";
                                title: string;
                            };
                            level: number;
                            note: string | null;
                            receiver: {
                                display_name: string;
                                id: string;
                            };
                            referrer: {
                                display_name: string;
                                id: string;
                            };
                            /** @enum {string} */
                            status: "pending" | "accepted" | "rejected" | "completed";
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listMyOfairLeads: {
        parameters: {
            query?: {
                /** @description Page size (1-100) */
                limit?: number;
                /** @description Cursor: the `next_cursor` of the previous page */
                starting_after?: string;
                status?: "active" | "pending" | "closed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            budget: {
                                max: {
                                    amount: string;
                                    currency: string;
                                } | null;
                                min: {
                                    amount: string;
                                    currency: string;
                                } | null;
                            } | null;
                            category: {
                                id: string;
                                name: string;
                            };
                            close_reason: ("completed" | "cancelled" | "removed") | null;
                            /** Format: date-time */
                            created_at: string;
                            /** @description From the board’s centre (locality to locality) */
                            distance_km: number | null;
                            id: string;
                            locality: {
                                district: string;
                                id: number;
                                name: string;
                            };
                            owner_professional: {
                                display_name: string;
                                id: string;
                            } | null;
                            /** @description Published by a subscriber: pinned on the board */
                            pinned: boolean;
                            proposals_count: number;
                            /** Format: date-time */
                            published_at: string;
                            referrer_share_percentage: number | null;
                            short_description: string;
                            /** @enum {string} */
                            status: "active" | "pending" | "closed";
                            subcategory: {
                                id: string;
                                name: string;
                            } | null;
                            title: string;
                            /** @enum {string} */
                            type: "consumer" | "professional_referral";
                        }[];
                        has_more: boolean;
                        /** @description Pass as `starting_after` to get the next page */
                        next_cursor: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    ofairLeadBoard: {
        parameters: {
            query?: {
                /** @description Agorot: leads whose budget starts at or below this */
                budget_max?: string;
                /** @description Agorot: leads whose budget reaches this */
                budget_min?: string;
                /** @description A top category; default: your profession and specialties */
                category_id?: string;
                /** @description Page size (1-100) */
                limit?: number;
                /** @description Centre of the search; default: your base locality */
                locality_id?: number;
                /** @description Default: your service radius */
                radius_km?: number;
                /** @description Cursor: the `next_cursor` of the previous page */
                starting_after?: string;
                subcategory_id?: string;
                type?: "consumer" | "professional_referral";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            budget: {
                                max: {
                                    amount: string;
                                    currency: string;
                                } | null;
                                min: {
                                    amount: string;
                                    currency: string;
                                } | null;
                            } | null;
                            category: {
                                id: string;
                                name: string;
                            };
                            /** @description From the board’s centre (locality to locality) */
                            distance_km: number | null;
                            id: string;
                            locality: {
                                district: string;
                                id: number;
                                name: string;
                            };
                            owner_professional: {
                                display_name: string;
                                id: string;
                            } | null;
                            /** @description Published by a subscriber: pinned on the board */
                            pinned: boolean;
                            proposals_count: number;
                            /** Format: date-time */
                            published_at: string;
                            referrer_share_percentage: number | null;
                            short_description: string;
                            subcategory: {
                                id: string;
                                name: string;
                            } | null;
                            title: string;
                            /** @enum {string} */
                            type: "consumer" | "professional_referral";
                        }[];
                        has_more: boolean;
                        /** @description Pass as `starting_after` to get the next page */
                        next_cursor: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    searchOfairLocalities: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Part of the name, in Hebrew or English; spelling variants match */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @description District, in Hebrew */
                            district: string;
                            id: number;
                            lat: number;
                            lng: number;
                            /** @description Hebrew name */
                            name: string;
                            /** @description GeoNames name */
                            name_en: string;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getOfairConsumerProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        locality: {
                            id: number;
                            name: string;
                        } | null;
                        /** @description How and when the consumer likes to be contacted */
                        preferences: {
                            /** @enum {string} */
                            contact_hours?: "morning" | "afternoon" | "evening" | "any";
                            notify_by?: ("sms" | "email" | "push")[];
                        };
                        street: string | null;
                        version: number;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    saveOfairConsumerProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    locality_id: number | null;
                    /**
                     * @description How and when the consumer likes to be contacted
                     * @default {}
                     */
                    preferences?: {
                        /** @enum {string} */
                        contact_hours?: "morning" | "afternoon" | "evening" | "any";
                        notify_by?: ("sms" | "email" | "push")[];
                    };
                    street: string | null;
                    /** @description The version you loaded; a newer one answers 409 version_conflict */
                    version?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        locality: {
                            id: number;
                            name: string;
                        } | null;
                        /** @description How and when the consumer likes to be contacted */
                        preferences: {
                            /** @enum {string} */
                            contact_hours?: "morning" | "afternoon" | "evening" | "any";
                            notify_by?: ("sms" | "email" | "push")[];
                        };
                        street: string | null;
                        version: number;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listOfairProfessionals: {
        parameters: {
            query?: {
                /** @description A category or subcategory */
                category_id?: string;
                /** @description Page size (1-100) */
                limit?: number;
                /** @description Serves this locality */
                locality_id?: number;
                q?: string;
                /** @description Cursor: the `next_cursor` of the previous page */
                starting_after?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            base_locality: {
                                id: number;
                                name: string;
                            };
                            company_name: string | null;
                            display_name: string;
                            id: string;
                            profession: {
                                id: string;
                                name: string;
                            };
                            rating: number | null;
                            review_count: number;
                            service_radius_km: number;
                            verified: boolean;
                        }[];
                        has_more: boolean;
                        /** @description Pass as `starting_after` to get the next page */
                        next_cursor: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getOfairProfessional: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        about: string;
                        base_locality: {
                            id: number;
                            name: string;
                        };
                        company_name: string | null;
                        display_name: string;
                        id: string;
                        /** Format: date-time */
                        member_since: string;
                        past_jobs: {
                            category: {
                                id: string;
                                name: string;
                            };
                            /** Format: date-time */
                            completed_at: string;
                            locality: {
                                id: number;
                                name: string;
                            };
                            title: string;
                        }[];
                        past_jobs_count: number;
                        profession: {
                            id: string;
                            name: string;
                        };
                        /** @description Average of reviews, 1-5, one decimal; null without reviews */
                        rating: number | null;
                        recent_reviews: {
                            body: string;
                            /** Format: date-time */
                            created_at: string;
                            rating: number;
                            reviewer: string;
                        }[];
                        review_count: number;
                        service_localities: {
                            id: number;
                            name: string;
                        }[];
                        service_radius_km: number;
                        specialties: {
                            id: string;
                            name: string;
                        }[];
                        subscriber: boolean;
                        verified: boolean;
                        working_hours: {
                            [key: string]: [
                                string,
                                string
                            ][];
                        };
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    verifyOfairProfessional: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    decision: "verified" | "rejected";
                    note?: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        id: string;
                        status: string;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getOwnOfairProfessional: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        about: string;
                        base_locality: {
                            id: number;
                            name: string;
                        };
                        business_number: string;
                        /** @enum {string} */
                        business_type: "osek_murshe" | "osek_patur" | "company";
                        certificates: {
                            /** Format: date-time */
                            created_at: string;
                            id: string;
                            mime: string;
                            name: string;
                            title: string;
                            /** @description Valid for 5 minutes */
                            url: string;
                        }[];
                        company_name: string | null;
                        display_name: string;
                        id: string;
                        /** Format: date-time */
                        member_since: string;
                        past_jobs: {
                            category: {
                                id: string;
                                name: string;
                            };
                            /** Format: date-time */
                            completed_at: string;
                            locality: {
                                id: number;
                                name: string;
                            };
                            title: string;
                        }[];
                        past_jobs_count: number;
                        profession: {
                            id: string;
                            name: string;
                        };
                        /** @description Average of reviews, 1-5, one decimal; null without reviews */
                        rating: number | null;
                        recent_reviews: {
                            body: string;
                            /** Format: date-time */
                            created_at: string;
                            rating: number;
                            reviewer: string;
                        }[];
                        review_count: number;
                        service_localities: {
                            id: number;
                            name: string;
                        }[];
                        service_radius_km: number;
                        specialties: {
                            id: string;
                            name: string;
                        }[];
                        /** @enum {string} */
                        status: "pending" | "verified" | "rejected" | "suspended";
                        subscriber: boolean;
                        verification_note: string | null;
                        verified: boolean;
                        version: number;
                        working_hours: {
                            [key: string]: [
                                string,
                                string
                            ][];
                        };
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    saveOwnOfairProfessional: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default  */
                    about?: string;
                    base_locality_id: number;
                    /** @description ח.פ. or עוסק number: nine digits with a check digit */
                    business_number: string;
                    /** @enum {string} */
                    business_type: "osek_murshe" | "osek_patur" | "company";
                    company_name?: string | null;
                    /** @description The name people see (yours or the business’s) */
                    display_name: string;
                    profession_category_id: string;
                    /** @default [] */
                    service_locality_ids?: number[];
                    service_radius_km: number;
                    /** @default [] */
                    specialties?: string[];
                    /** @description The version you loaded; a newer one answers 409 version_conflict */
                    version?: number;
                    /**
                     * @description Opening hours per weekday in Asia/Jerusalem, e.g. {"sun": [["08:00", "17:00"]]}
                     * @default {}
                     */
                    working_hours?: {
                        fri?: [
                            string,
                            string
                        ][];
                        mon?: [
                            string,
                            string
                        ][];
                        sat?: [
                            string,
                            string
                        ][];
                        sun?: [
                            string,
                            string
                        ][];
                        thu?: [
                            string,
                            string
                        ][];
                        tue?: [
                            string,
                            string
                        ][];
                        wed?: [
                            string,
                            string
                        ][];
                    };
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        about: string;
                        base_locality: {
                            id: number;
                            name: string;
                        };
                        business_number: string;
                        /** @enum {string} */
                        business_type: "osek_murshe" | "osek_patur" | "company";
                        certificates: {
                            /** Format: date-time */
                            created_at: string;
                            id: string;
                            mime: string;
                            name: string;
                            title: string;
                            /** @description Valid for 5 minutes */
                            url: string;
                        }[];
                        company_name: string | null;
                        display_name: string;
                        id: string;
                        /** Format: date-time */
                        member_since: string;
                        past_jobs: {
                            category: {
                                id: string;
                                name: string;
                            };
                            /** Format: date-time */
                            completed_at: string;
                            locality: {
                                id: number;
                                name: string;
                            };
                            title: string;
                        }[];
                        past_jobs_count: number;
                        profession: {
                            id: string;
                            name: string;
                        };
                        /** @description Average of reviews, 1-5, one decimal; null without reviews */
                        rating: number | null;
                        recent_reviews: {
                            body: string;
                            /** Format: date-time */
                            created_at: string;
                            rating: number;
                            reviewer: string;
                        }[];
                        review_count: number;
                        service_localities: {
                            id: number;
                            name: string;
                        }[];
                        service_radius_km: number;
                        specialties: {
                            id: string;
                            name: string;
                        }[];
                        /** @enum {string} */
                        status: "pending" | "verified" | "rejected" | "suspended";
                        subscriber: boolean;
                        verification_note: string | null;
                        verified: boolean;
                        version: number;
                        working_hours: {
                            [key: string]: [
                                string,
                                string
                            ][];
                        };
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    addOfairCertificate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    file_id: string;
                    title: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        about: string;
                        base_locality: {
                            id: number;
                            name: string;
                        };
                        business_number: string;
                        /** @enum {string} */
                        business_type: "osek_murshe" | "osek_patur" | "company";
                        certificates: {
                            /** Format: date-time */
                            created_at: string;
                            id: string;
                            mime: string;
                            name: string;
                            title: string;
                            /** @description Valid for 5 minutes */
                            url: string;
                        }[];
                        company_name: string | null;
                        display_name: string;
                        id: string;
                        /** Format: date-time */
                        member_since: string;
                        past_jobs: {
                            category: {
                                id: string;
                                name: string;
                            };
                            /** Format: date-time */
                            completed_at: string;
                            locality: {
                                id: number;
                                name: string;
                            };
                            title: string;
                        }[];
                        past_jobs_count: number;
                        profession: {
                            id: string;
                            name: string;
                        };
                        /** @description Average of reviews, 1-5, one decimal; null without reviews */
                        rating: number | null;
                        recent_reviews: {
                            body: string;
                            /** Format: date-time */
                            created_at: string;
                            rating: number;
                            reviewer: string;
                        }[];
                        review_count: number;
                        service_localities: {
                            id: number;
                            name: string;
                        }[];
                        service_radius_km: number;
                        specialties: {
                            id: string;
                            name: string;
                        }[];
                        /** @enum {string} */
                        status: "pending" | "verified" | "rejected" | "suspended";
                        subscriber: boolean;
                        verification_note: string | null;
                        verified: boolean;
                        version: number;
                        working_hours: {
                            [key: string]: [
                                string,
                                string
                            ][];
                        };
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    updateOfairProposal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string;
                    /** @description An amount in agorot (1 ₪ = 100), as a string, and the currency (ILS) */
                    price?: {
                        amount: string;
                        /** @enum {string} */
                        currency: "ILS";
                    };
                    scheduled_date?: string | null;
                    /** @description The version you loaded; a newer one answers 409 version_conflict */
                    version: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        created_at: string;
                        description: string;
                        id: string;
                        is_mine: boolean;
                        lead_id: string;
                        media: {
                            id: string;
                            mime: string;
                            name: string;
                            url: string;
                        }[];
                        price: {
                            amount: string;
                            currency: string;
                        };
                        professional: {
                            display_name: string;
                            id: string;
                            rating: number | null;
                            review_count: number;
                            verified: boolean;
                        };
                        rejected_reason: ("another_accepted" | "lead_closed") | null;
                        scheduled_date: string | null;
                        /** @enum {string} */
                        status: "pending" | "accepted" | "rejected" | "cancelled";
                        /** Format: date-time */
                        updated_at: string;
                        version: number;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    acceptOfairProposal: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the request safe to retry (see the description) */
                "idempotency-key"?: string;
            };
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description The owner agrees to share the client’s name, phone and address with this professional
                     * @enum {boolean}
                     */
                    consent: true;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accepted_proposal_id: string | null;
                        attachments: {
                            id: string;
                            mime: string;
                            name: string;
                            url: string;
                        }[];
                        budget: {
                            max: {
                                amount: string;
                                currency: string;
                            } | null;
                            min: {
                                amount: string;
                                currency: string;
                            } | null;
                        } | null;
                        can_propose: boolean;
                        can_see_client: boolean;
                        can_share: boolean;
                        category: {
                            id: string;
                            name: string;
                        };
                        /** @description Referrals of the lead the caller may see */
                        chain: {
                            chain_total_percentage: number;
                            commission_percentage: number;
                            /** Format: date-time */
                            created_at: string;
                            id: string;
                            level: number;
                            receiver: {
                                display_name: string;
                                id: string;
                            };
                            referrer: {
                                display_name: string;
                                id: string;
                            };
                            /** @enum {string} */
                            status: "pending" | "accepted" | "rejected" | "completed";
                        }[];
                        /** @description Same as full_description */
                        client_notes: string | null;
                        close_reason: ("completed" | "cancelled" | "removed") | null;
                        /** Format: date-time */
                        created_at: string;
                        /** @description From the board’s centre (locality to locality) */
                        distance_km: number | null;
                        final_amount: {
                            amount: string;
                            currency: string;
                        } | null;
                        /** @description The owner, the accepted professional and admins */
                        full_description: string | null;
                        id: string;
                        is_owner: boolean;
                        locality: {
                            district: string;
                            id: number;
                            name: string;
                        };
                        my_proposal: {
                            id: string;
                            status: string;
                        } | null;
                        /** @description The referral that brought this lead to me */
                        my_referral: {
                            chain_total_percentage: number;
                            id: string;
                            level: number;
                            status: string;
                        } | null;
                        owner_professional: {
                            display_name: string;
                            id: string;
                        } | null;
                        /** @description Published by a subscriber: pinned on the board */
                        pinned: boolean;
                        platform_commission_percentage: number;
                        preferred_schedule: string | null;
                        proposals_count: number;
                        /** Format: date-time */
                        published_at: string;
                        referrer_share_percentage: number | null;
                        short_description: string;
                        /** @enum {string} */
                        status: "active" | "pending" | "closed";
                        subcategory: {
                            id: string;
                            name: string;
                        } | null;
                        title: string;
                        /** @enum {string} */
                        type: "consumer" | "professional_referral";
                        /** Format: date-time */
                        updated_at: string;
                        version: number;
                        winner: {
                            display_name: string;
                            id: string;
                        } | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    cancelOfairProposal: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        created_at: string;
                        description: string;
                        id: string;
                        is_mine: boolean;
                        lead_id: string;
                        media: {
                            id: string;
                            mime: string;
                            name: string;
                            url: string;
                        }[];
                        price: {
                            amount: string;
                            currency: string;
                        };
                        professional: {
                            display_name: string;
                            id: string;
                            rating: number | null;
                            review_count: number;
                            verified: boolean;
                        };
                        rejected_reason: ("another_accepted" | "lead_closed") | null;
                        scheduled_date: string | null;
                        /** @enum {string} */
                        status: "pending" | "accepted" | "rejected" | "cancelled";
                        /** Format: date-time */
                        updated_at: string;
                        version: number;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listMyOfairProposals: {
        parameters: {
            query?: {
                /** @description Page size (1-100) */
                limit?: number;
                /** @description Cursor: the `next_cursor` of the previous page */
                starting_after?: string;
                status?: "pending" | "accepted" | "rejected" | "cancelled";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: date-time */
                            created_at: string;
                            description: string;
                            id: string;
                            is_mine: boolean;
                            lead: {
                                category: {
                                    id: string;
                                    name: string;
                                };
                                id: string;
                                locality: {
                                    id: number;
                                    name: string;
                                };
                                /** @enum {string} */
                                status: "active" | "pending" | "closed";
                                title: string;
                            };
                            lead_id: string;
                            media: {
                                id: string;
                                mime: string;
                                name: string;
                                url: string;
                            }[];
                            price: {
                                amount: string;
                                currency: string;
                            };
                            professional: {
                                display_name: string;
                                id: string;
                                rating: number | null;
                                review_count: number;
                                verified: boolean;
                            };
                            rejected_reason: ("another_accepted" | "lead_closed") | null;
                            scheduled_date: string | null;
                            /** @enum {string} */
                            status: "pending" | "accepted" | "rejected" | "cancelled";
                            /** Format: date-time */
                            updated_at: string;
                            version: number;
                        }[];
                        has_more: boolean;
                        /** @description Pass as `starting_after` to get the next page */
                        next_cursor: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listOfairReferrals: {
        parameters: {
            query?: {
                direction?: "received" | "sent";
                /** @description Page size (1-100) */
                limit?: number;
                /** @description Cursor: the `next_cursor` of the previous page */
                starting_after?: string;
                status?: "pending" | "accepted" | "rejected" | "completed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            accepted_at: string | null;
                            chain_total_percentage: number;
                            closed_reason: ("declined" | "claimed_by_other" | "lead_closed") | null;
                            commission_percentage: number;
                            /** Format: date-time */
                            created_at: string;
                            /** @enum {string} */
                            direction: "received" | "sent";
                            id: string;
                            lead: {
                                category: {
                                    id: string;
                                    name: string;
                                };
                                id: string;
                                locality: {
                                    id: number;
                                    name: string;
                                };
                                /** @enum {string} */
                                status: "active" | "pending" | "closed";
                                title: string;
                            };
                            level: number;
                            note: string | null;
                            receiver: {
                                display_name: string;
                                id: string;
                            };
                            referrer: {
                                display_name: string;
                                id: string;
                            };
                            /** @enum {string} */
                            status: "pending" | "accepted" | "rejected" | "completed";
                        }[];
                        has_more: boolean;
                        /** @description Pass as `starting_after` to get the next page */
                        next_cursor: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    acceptOfairReferral: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the request safe to retry (see the description) */
                "idempotency-key"?: string;
            };
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accepted_at: string | null;
                        chain_total_percentage: number;
                        closed_reason: ("declined" | "claimed_by_other" | "lead_closed") | null;
                        commission_percentage: number;
                        /** Format: date-time */
                        created_at: string;
                        /** @enum {string} */
                        direction: "received" | "sent";
                        id: string;
                        lead: {
                            category: {
                                id: string;
                                name: string;
                            };
                            id: string;
                            locality: {
                                id: number;
                                name: string;
                            };
                            /** @enum {string} */
                            status: "active" | "pending" | "closed";
                            title: string;
                        };
                        level: number;
                        note: string | null;
                        receiver: {
                            display_name: string;
                            id: string;
                        };
                        referrer: {
                            display_name: string;
                            id: string;
                        };
                        /** @enum {string} */
                        status: "pending" | "accepted" | "rejected" | "completed";
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    rejectOfairReferral: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        accepted_at: string | null;
                        chain_total_percentage: number;
                        closed_reason: ("declined" | "claimed_by_other" | "lead_closed") | null;
                        commission_percentage: number;
                        /** Format: date-time */
                        created_at: string;
                        /** @enum {string} */
                        direction: "received" | "sent";
                        id: string;
                        lead: {
                            category: {
                                id: string;
                                name: string;
                            };
                            id: string;
                            locality: {
                                id: number;
                                name: string;
                            };
                            /** @enum {string} */
                            status: "active" | "pending" | "closed";
                            title: string;
                        };
                        level: number;
                        note: string | null;
                        receiver: {
                            display_name: string;
                            id: string;
                        };
                        referrer: {
                            display_name: string;
                            id: string;
                        };
                        /** @enum {string} */
                        status: "pending" | "accepted" | "rejected" | "completed";
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listOwnershipDisputes: {
        parameters: {
            query?: {
                /** @description Page size (1-100) */
                limit?: number;
                /** @description Cursor: the `next_cursor` of the previous page */
                starting_after?: string;
                status?: "recorded" | "disputed" | "upheld" | "overturned";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            claimant: {
                                name: string;
                                recruiter_id: string;
                            };
                            claimant_reason: string | null;
                            company: {
                                id: string;
                                name: string;
                            };
                            /** Format: date-time */
                            created_at: string;
                            disputed_at: string | null;
                            holder: {
                                name: string;
                                recruiter_id: string;
                            };
                            id: string;
                            matched_on: string[];
                            representation: {
                                id: string;
                                /** @enum {string} */
                                ownership: "verified" | "pending" | "disputed";
                                /** Format: date-time */
                                since: string;
                                status: string;
                                /** Format: date-time */
                                until: string;
                            };
                            resolution_reason: string | null;
                            resolved_at: string | null;
                            role: {
                                id: string;
                                title: string;
                            } | null;
                            /** @enum {string} */
                            status: "recorded" | "disputed" | "upheld" | "overturned";
                            /** @description Send it back with a decision: a newer one answers 409 */
                            version: number;
                        }[];
                        has_more: boolean;
                        /** @description Pass as `starting_after` to get the next page */
                        next_cursor: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getOwnershipDispute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        claimant: {
                            name: string;
                            recruiter_id: string;
                        };
                        claimant_reason: string | null;
                        company: {
                            id: string;
                            name: string;
                        };
                        /** Format: date-time */
                        created_at: string;
                        disputed_at: string | null;
                        holder: {
                            name: string;
                            recruiter_id: string;
                        };
                        id: string;
                        matched_on: string[];
                        representation: {
                            id: string;
                            /** @enum {string} */
                            ownership: "verified" | "pending" | "disputed";
                            /** Format: date-time */
                            since: string;
                            status: string;
                            /** Format: date-time */
                            until: string;
                        };
                        resolution_reason: string | null;
                        resolved_at: string | null;
                        role: {
                            id: string;
                            title: string;
                        } | null;
                        /** @enum {string} */
                        status: "recorded" | "disputed" | "upheld" | "overturned";
                        /** @description Send it back with a decision: a newer one answers 409 */
                        version: number;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    openOwnershipDispute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Evidence: when and how you engaged the candidate */
                    reason: string;
                    /** @description The version you loaded; if someone changed it since, the answer is 409 version_conflict */
                    version?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        claimant: {
                            name: string;
                            recruiter_id: string;
                        };
                        claimant_reason: string | null;
                        company: {
                            id: string;
                            name: string;
                        };
                        /** Format: date-time */
                        created_at: string;
                        disputed_at: string | null;
                        holder: {
                            name: string;
                            recruiter_id: string;
                        };
                        id: string;
                        matched_on: string[];
                        representation: {
                            id: string;
                            /** @enum {string} */
                            ownership: "verified" | "pending" | "disputed";
                            /** Format: date-time */
                            since: string;
                            status: string;
                            /** Format: date-time */
                            until: string;
                        };
                        resolution_reason: string | null;
                        resolved_at: string | null;
                        role: {
                            id: string;
                            title: string;
                        } | null;
                        /** @enum {string} */
                        status: "recorded" | "disputed" | "upheld" | "overturned";
                        /** @description Send it back with a decision: a newer one answers 409 */
                        version: number;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    resolveOwnershipDispute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    outcome: "upheld" | "overturned";
                    reason: string;
                    /** @description The version you loaded; if someone changed it since, the answer is 409 version_conflict */
                    version?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        claimant: {
                            name: string;
                            recruiter_id: string;
                        };
                        claimant_reason: string | null;
                        company: {
                            id: string;
                            name: string;
                        };
                        /** Format: date-time */
                        created_at: string;
                        disputed_at: string | null;
                        holder: {
                            name: string;
                            recruiter_id: string;
                        };
                        id: string;
                        matched_on: string[];
                        representation: {
                            id: string;
                            /** @enum {string} */
                            ownership: "verified" | "pending" | "disputed";
                            /** Format: date-time */
                            since: string;
                            status: string;
                            /** Format: date-time */
                            until: string;
                        };
                        resolution_reason: string | null;
                        resolved_at: string | null;
                        role: {
                            id: string;
                            title: string;
                        } | null;
                        /** @enum {string} */
                        status: "recorded" | "disputed" | "upheld" | "overturned";
                        /** @description Send it back with a decision: a newer one answers 409 */
                        version: number;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listPlacements: {
        parameters: {
            query?: {
                company_id?: string;
                /** @description Page size (1-100) */
                limit?: number;
                /** @description Cursor: the `next_cursor` of the previous page */
                starting_after?: string;
                status?: "active" | "fell_off";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            base_salary: {
                                amount: string;
                                currency: string;
                            };
                            candidate_name: string;
                            company: {
                                id: string;
                                name: string;
                            };
                            /** Format: date-time */
                            created_at: string;
                            fee_rate_bps: number;
                            guarantee_ends_on: string;
                            id: string;
                            role: {
                                id: string;
                                title: string;
                            };
                            /** @enum {string} */
                            split_status: "pending" | "agreed";
                            start_date: string;
                            /** @enum {string} */
                            status: "active" | "fell_off";
                        }[];
                        has_more: boolean;
                        /** @description Pass as `starting_after` to get the next page */
                        next_cursor: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getPlacement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        application_id: string;
                        base_salary: {
                            amount: string;
                            currency: string;
                        };
                        candidate_id: string;
                        candidate_name: string;
                        company: {
                            id: string;
                            name: string;
                        };
                        /** Format: date-time */
                        created_at: string;
                        fall_off_reason: string | null;
                        fee_basis: string;
                        fee_rate_bps: number;
                        fee_rule_version: string;
                        fell_off_on: string | null;
                        guarantee_days: number;
                        guarantee_ends_on: string;
                        id: string;
                        payment_terms: string;
                        role: {
                            id: string;
                            title: string;
                        };
                        /** @enum {string} */
                        split_status: "pending" | "agreed";
                        splits: {
                            agreed_at: string | null;
                            /** @enum {string} */
                            fee_role: "candidate_recruiter" | "candidate_sourcer" | "company_sourcer" | "job_owner" | "hiring_facilitator";
                            recruiter_id: string;
                            recruiter_name: string;
                            share_bps: number;
                        }[];
                        start_date: string;
                        /** @enum {string} */
                        status: "active" | "fell_off";
                        /** @description Send it back with a split proposal or agreement: a newer one answers 409 */
                        version: number;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getPlacementBilling: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        placement_id: string;
                        /** @description null until billing has made the statement */
                        statement: {
                            /** @description What each party has collected of the fee so far */
                            collected: {
                                amount: string;
                                party_id: string | null;
                                /** @enum {string} */
                                party_type: "platform" | "recruiter";
                            }[];
                            config_version: string;
                            fee: {
                                /** @description Integer amount in minor units (cents, agorot), as a string */
                                amount: string;
                                /** @description ISO 4217 currency code */
                                currency: string;
                            };
                            /** @description Every intermediate figure */
                            figures: {
                                [key: string]: unknown;
                            };
                            /** @description Every input, as the fee was computed */
                            inputs: {
                                [key: string]: unknown;
                            };
                            /** @description Always sum to the fee */
                            lines: {
                                /** @description Minor units */
                                amount: string;
                                /** @description What share_bps is a share of: standard_fee, recruiter_pool, premium or recruiter_bonus */
                                basis: string;
                                fee_role: string | null;
                                party_id: string | null;
                                /** @enum {string} */
                                party_type: "platform" | "recruiter";
                                recruiter_user_id: string | null;
                                share_bps: number;
                            }[];
                            placement_id: string;
                            rule_version: string;
                            /** @description A new version only when the split agreement changes */
                            version: number;
                        } | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    recordPlacementFallOff: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date
                     * @description YYYY-MM-DD
                     */
                    date: string;
                    reason: string;
                    /** @description The version you loaded; if someone changed it since, the answer is 409 version_conflict */
                    version?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        application_id: string;
                        base_salary: {
                            amount: string;
                            currency: string;
                        };
                        candidate_id: string;
                        candidate_name: string;
                        company: {
                            id: string;
                            name: string;
                        };
                        /** Format: date-time */
                        created_at: string;
                        fall_off_reason: string | null;
                        fee_basis: string;
                        fee_rate_bps: number;
                        fee_rule_version: string;
                        fell_off_on: string | null;
                        guarantee_days: number;
                        guarantee_ends_on: string;
                        id: string;
                        payment_terms: string;
                        role: {
                            id: string;
                            title: string;
                        };
                        /** @enum {string} */
                        split_status: "pending" | "agreed";
                        splits: {
                            agreed_at: string | null;
                            /** @enum {string} */
                            fee_role: "candidate_recruiter" | "candidate_sourcer" | "company_sourcer" | "job_owner" | "hiring_facilitator";
                            recruiter_id: string;
                            recruiter_name: string;
                            share_bps: number;
                        }[];
                        start_date: string;
                        /** @enum {string} */
                        status: "active" | "fell_off";
                        /** @description Send it back with a split proposal or agreement: a newer one answers 409 */
                        version: number;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    proposePlacementSplits: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    splits: {
                        /** @enum {string} */
                        fee_role: "candidate_recruiter" | "candidate_sourcer" | "company_sourcer" | "job_owner" | "hiring_facilitator";
                        /** Format: uuid */
                        recruiter_id: string;
                        /** @description Share of the recruiter pool in basis points; all sum to 10000 */
                        share_bps: number;
                    }[];
                    /** @description The version you loaded; if someone changed it since, the answer is 409 version_conflict */
                    version?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        application_id: string;
                        base_salary: {
                            amount: string;
                            currency: string;
                        };
                        candidate_id: string;
                        candidate_name: string;
                        company: {
                            id: string;
                            name: string;
                        };
                        /** Format: date-time */
                        created_at: string;
                        fall_off_reason: string | null;
                        fee_basis: string;
                        fee_rate_bps: number;
                        fee_rule_version: string;
                        fell_off_on: string | null;
                        guarantee_days: number;
                        guarantee_ends_on: string;
                        id: string;
                        payment_terms: string;
                        role: {
                            id: string;
                            title: string;
                        };
                        /** @enum {string} */
                        split_status: "pending" | "agreed";
                        splits: {
                            agreed_at: string | null;
                            /** @enum {string} */
                            fee_role: "candidate_recruiter" | "candidate_sourcer" | "company_sourcer" | "job_owner" | "hiring_facilitator";
                            recruiter_id: string;
                            recruiter_name: string;
                            share_bps: number;
                        }[];
                        start_date: string;
                        /** @enum {string} */
                        status: "active" | "fell_off";
                        /** @description Send it back with a split proposal or agreement: a newer one answers 409 */
                        version: number;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    agreePlacementSplits: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        /** @description The version of the split you agree to (optional: the current one otherwise) */
        requestBody: {
            content: {
                "application/json": {
                    /** @description The version you loaded; if someone changed it since, the answer is 409 version_conflict */
                    version?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        application_id: string;
                        base_salary: {
                            amount: string;
                            currency: string;
                        };
                        candidate_id: string;
                        candidate_name: string;
                        company: {
                            id: string;
                            name: string;
                        };
                        /** Format: date-time */
                        created_at: string;
                        fall_off_reason: string | null;
                        fee_basis: string;
                        fee_rate_bps: number;
                        fee_rule_version: string;
                        fell_off_on: string | null;
                        guarantee_days: number;
                        guarantee_ends_on: string;
                        id: string;
                        payment_terms: string;
                        role: {
                            id: string;
                            title: string;
                        };
                        /** @enum {string} */
                        split_status: "pending" | "agreed";
                        splits: {
                            agreed_at: string | null;
                            /** @enum {string} */
                            fee_role: "candidate_recruiter" | "candidate_sourcer" | "company_sourcer" | "job_owner" | "hiring_facilitator";
                            recruiter_id: string;
                            recruiter_name: string;
                            share_bps: number;
                        }[];
                        start_date: string;
                        /** @enum {string} */
                        status: "active" | "fell_off";
                        /** @description Send it back with a split proposal or agreement: a newer one answers 409 */
                        version: number;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getPlacementStatement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description What each party has collected of the fee so far */
                        collected: {
                            amount: string;
                            party_id: string | null;
                            /** @enum {string} */
                            party_type: "platform" | "recruiter";
                        }[];
                        config_version: string;
                        fee: {
                            /** @description Integer amount in minor units (cents, agorot), as a string */
                            amount: string;
                            /** @description ISO 4217 currency code */
                            currency: string;
                        };
                        /** @description Every intermediate figure */
                        figures: {
                            [key: string]: unknown;
                        };
                        /** @description Every input, as the fee was computed */
                        inputs: {
                            [key: string]: unknown;
                        };
                        /** @description Always sum to the fee */
                        lines: {
                            /** @description Minor units */
                            amount: string;
                            /** @description What share_bps is a share of: standard_fee, recruiter_pool, premium or recruiter_bonus */
                            basis: string;
                            fee_role: string | null;
                            party_id: string | null;
                            /** @enum {string} */
                            party_type: "platform" | "recruiter";
                            recruiter_user_id: string | null;
                            share_bps: number;
                        }[];
                        placement_id: string;
                        rule_version: string;
                        /** @description A new version only when the split agreement changes */
                        version: number;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listRecruiters: {
        parameters: {
            query?: {
                function?: "engineering" | "product" | "design" | "data" | "sales" | "marketing" | "customer_success" | "operations" | "finance" | "people" | "legal";
                industry?: "fintech" | "healthcare" | "saas" | "ecommerce" | "cybersecurity" | "ai" | "gaming" | "logistics" | "edtech" | "biotech" | "climate" | "media";
                /** @description Page size (1-100) */
                limit?: number;
                q?: string;
                /** @description Cursor: the `next_cursor` of the previous page */
                starting_after?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            agency: {
                                id: string;
                                name: string;
                            } | null;
                            bio: string | null;
                            /** Format: date-time */
                            created_at: string;
                            display_name: string;
                            headline: string | null;
                            id: string;
                            linkedin_url: string | null;
                            location: string | null;
                            placements: number;
                            /** @enum {string} */
                            plan_tier: "starter" | "pro" | "partner";
                            specializations: {
                                function: string[];
                                industry: string[];
                                locations: string[];
                                seniority: string[];
                            };
                            status: string;
                            user_id: string;
                            years_experience: number | null;
                        }[];
                        has_more: boolean;
                        /** @description Pass as `starting_after` to get the next page */
                        next_cursor: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getRecruiter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        agency: {
                            id: string;
                            name: string;
                        } | null;
                        bio: string | null;
                        /** Format: date-time */
                        created_at: string;
                        display_name: string;
                        headline: string | null;
                        id: string;
                        linkedin_url: string | null;
                        location: string | null;
                        placements: number;
                        /** @enum {string} */
                        plan_tier: "starter" | "pro" | "partner";
                        specializations: {
                            function: string[];
                            industry: string[];
                            locations: string[];
                            seniority: string[];
                        };
                        status: string;
                        user_id: string;
                        years_experience: number | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getMyRecruiterProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        agency: {
                            id: string;
                            name: string;
                        } | null;
                        bio: string | null;
                        /** Format: date-time */
                        created_at: string;
                        display_name: string;
                        headline: string | null;
                        id: string;
                        linkedin_url: string | null;
                        location: string | null;
                        placements: number;
                        /** @enum {string} */
                        plan_tier: "starter" | "pro" | "partner";
                        specializations: {
                            function: string[];
                            industry: string[];
                            locations: string[];
                            seniority: string[];
                        };
                        status: string;
                        user_id: string;
                        years_experience: number | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    updateMyRecruiterProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    bio?: string | null;
                    headline?: string | null;
                    linkedin_url?: string | null;
                    location?: string | null;
                    specializations?: {
                        function?: ("engineering" | "product" | "design" | "data" | "sales" | "marketing" | "customer_success" | "operations" | "finance" | "people" | "legal")[];
                        industry?: ("fintech" | "healthcare" | "saas" | "ecommerce" | "cybersecurity" | "ai" | "gaming" | "logistics" | "edtech" | "biotech" | "climate" | "media")[];
                        locations?: string[];
                        seniority?: ("intern" | "junior" | "mid" | "senior" | "lead" | "executive")[];
                    };
                    years_experience?: number | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        agency: {
                            id: string;
                            name: string;
                        } | null;
                        bio: string | null;
                        /** Format: date-time */
                        created_at: string;
                        display_name: string;
                        headline: string | null;
                        id: string;
                        linkedin_url: string | null;
                        location: string | null;
                        placements: number;
                        /** @enum {string} */
                        plan_tier: "starter" | "pro" | "partner";
                        specializations: {
                            function: string[];
                            industry: string[];
                            locations: string[];
                            seniority: string[];
                        };
                        status: string;
                        user_id: string;
                        years_experience: number | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getRecruitingReference: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        currencies: string[];
                        defaults: {
                            fee_rate_bps: number;
                            guarantee_days: number;
                            rtr_months: number;
                        };
                        employment_types: string[];
                        fee_roles: string[];
                        functions: string[];
                        industries: string[];
                        payment_terms: string[];
                        plan_tiers: string[];
                        role_transitions: {
                            [key: string]: string[];
                        };
                        seniorities: string[];
                        stage_transitions: {
                            [key: string]: string[];
                        };
                        stages: string[];
                        work_modes: string[];
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    completeRefund: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes the request safe to retry (see the description) */
                "idempotency-key"?: string;
            };
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        refund_id: string;
                        /** @enum {string} */
                        status: "succeeded";
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listRoles: {
        parameters: {
            query?: {
                company_id?: string;
                country?: string;
                function?: "engineering" | "product" | "design" | "data" | "sales" | "marketing" | "customer_success" | "operations" | "finance" | "people" | "legal";
                industry?: "fintech" | "healthcare" | "saas" | "ecommerce" | "cybersecurity" | "ai" | "gaming" | "logistics" | "edtech" | "biotech" | "climate" | "media";
                /** @description Page size (1-100) */
                limit?: number;
                location?: string;
                /** @description Words in the title, function, location or description */
                q?: string;
                /** @description ISO 4217 currency code */
                salary_currency?: string;
                /** @description Roles starting at or below this (minor units) */
                salary_max?: string;
                /** @description Roles paying at least this (minor units) */
                salary_min?: string;
                seniority?: "intern" | "junior" | "mid" | "senior" | "lead" | "executive";
                /** @description Cursor: the `next_cursor` of the previous page */
                starting_after?: string;
                /** @description Comma-separated; recruiters default to open */
                status?: ("draft" | "open" | "paused" | "filled" | "closed")[];
                work_mode?: "onsite" | "hybrid" | "remote";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            company: {
                                id: string;
                                name: string;
                            };
                            country: string | null;
                            /** Format: date-time */
                            created_at: string;
                            employment_type: string;
                            fee_rate_bps: number;
                            function: string;
                            guarantee_days: number;
                            id: string;
                            industry: string | null;
                            location: string | null;
                            /** @description When the role first opened to submissions */
                            opened_at: string | null;
                            openings: number;
                            salary: {
                                currency: string;
                                max: string;
                                min: string;
                            };
                            seniority: string;
                            /** @enum {string} */
                            status: "draft" | "open" | "paused" | "filled" | "closed";
                            title: string;
                            /** @enum {string} */
                            visibility: "all" | "assigned";
                            work_mode: string;
                        }[];
                        has_more: boolean;
                        /** @description Pass as `starting_after` to get the next page */
                        next_cursor: string | null;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    createRole: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    company_id: string;
                    country?: string | null;
                    description: string;
                    /**
                     * @default full_time
                     * @enum {string}
                     */
                    employment_type?: "full_time" | "part_time" | "contract";
                    /** @description Placement fee as basis points of first-year base salary (2000 = 20%) */
                    fee_rate_bps?: number;
                    /** @enum {string} */
                    function: "engineering" | "product" | "design" | "data" | "sales" | "marketing" | "customer_success" | "operations" | "finance" | "people" | "legal";
                    guarantee_days?: number;
                    /** @description A member of the company’s hiring team (422 otherwise) */
                    hiring_manager_user_id?: string | null;
                    industry?: ("fintech" | "healthcare" | "saas" | "ecommerce" | "cybersecurity" | "ai" | "gaming" | "logistics" | "edtech" | "biotech" | "climate" | "media") | null;
                    job_owner_recruiter_id?: string | null;
                    location?: string | null;
                    openings?: number;
                    salary: {
                        /** @description ISO 4217 currency code */
                        currency: string;
                        /** @description Amount in minor units (e.g. cents), as a string */
                        max: string;
                        /** @description Amount in minor units (e.g. cents), as a string */
                        min: string;
                    };
                    /** @enum {string} */
                    seniority: "intern" | "junior" | "mid" | "senior" | "lead" | "executive";
                    title: string;
                    /** @enum {string} */
                    visibility?: "all" | "assigned";
                    /** @enum {string} */
                    work_mode: "onsite" | "hybrid" | "remote";
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        applications_count: number;
                        /** @description Whether the caller is on the hiring team (may edit and move candidates) */
                        can_manage: boolean;
                        closed_at: string | null;
                        company: {
                            id: string;
                            name: string;
                        };
                        country: string | null;
                        /** Format: date-time */
                        created_at: string;
                        description: string;
                        employment_type: string;
                        fee_rate_bps: number;
                        function: string;
                        guarantee_days: number;
                        hired_count: number;
                        hiring_manager_user_id: string | null;
                        id: string;
                        industry: string | null;
                        job_owner: {
                            name: string | null;
                            recruiter_id: string;
                        } | null;
                        location: string | null;
                        /** @description When the role first opened to submissions */
                        opened_at: string | null;
                        openings: number;
                        salary: {
                            currency: string;
                            max: string;
                            min: string;
                        };
                        seniority: string;
                        /** @enum {string} */
                        status: "draft" | "open" | "paused" | "filled" | "closed";
                        title: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** @description Send it back with a change: a newer one answers 409 */
                        version: number;
                        /** @enum {string} */
                        visibility: "all" | "assigned";
                        work_mode: string;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        applications_count: number;
                        /** @description Whether the caller is on the hiring team (may edit and move candidates) */
                        can_manage: boolean;
                        closed_at: string | null;
                        company: {
                            id: string;
                            name: string;
                        };
                        country: string | null;
                        /** Format: date-time */
                        created_at: string;
                        description: string;
                        employment_type: string;
                        fee_rate_bps: number;
                        function: string;
                        guarantee_days: number;
                        hired_count: number;
                        hiring_manager_user_id: string | null;
                        id: string;
                        industry: string | null;
                        job_owner: {
                            name: string | null;
                            recruiter_id: string;
                        } | null;
                        location: string | null;
                        /** @description When the role first opened to submissions */
                        opened_at: string | null;
                        openings: number;
                        salary: {
                            currency: string;
                            max: string;
                            min: string;
                        };
                        seniority: string;
                        /** @enum {string} */
                        status: "draft" | "open" | "paused" | "filled" | "closed";
                        title: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** @description Send it back with a change: a newer one answers 409 */
                        version: number;
                        /** @enum {string} */
                        visibility: "all" | "assigned";
                        work_mode: string;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    updateRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    country?: string | null;
                    description?: string;
                    /**
                     * @default full_time
                     * @enum {string}
                     */
                    employment_type?: "full_time" | "part_time" | "contract";
                    /** @description Placement fee as basis points of first-year base salary (2000 = 20%) */
                    fee_rate_bps?: number;
                    /** @enum {string} */
                    function?: "engineering" | "product" | "design" | "data" | "sales" | "marketing" | "customer_success" | "operations" | "finance" | "people" | "legal";
                    guarantee_days?: number;
                    /** @description A member of the company’s hiring team (422 otherwise) */
                    hiring_manager_user_id?: string | null;
                    industry?: ("fintech" | "healthcare" | "saas" | "ecommerce" | "cybersecurity" | "ai" | "gaming" | "logistics" | "edtech" | "biotech" | "climate" | "media") | null;
                    job_owner_recruiter_id?: string | null;
                    location?: string | null;
                    openings?: number;
                    salary?: {
                        /** @description ISO 4217 currency code */
                        currency: string;
                        /** @description Amount in minor units (e.g. cents), as a string */
                        max: string;
                        /** @description Amount in minor units (e.g. cents), as a string */
                        min: string;
                    };
                    /** @enum {string} */
                    seniority?: "intern" | "junior" | "mid" | "senior" | "lead" | "executive";
                    title?: string;
                    /** @description The version you loaded; if someone changed it since, the answer is 409 version_conflict */
                    version?: number;
                    /** @enum {string} */
                    visibility?: "all" | "assigned";
                    /** @enum {string} */
                    work_mode?: "onsite" | "hybrid" | "remote";
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        applications_count: number;
                        /** @description Whether the caller is on the hiring team (may edit and move candidates) */
                        can_manage: boolean;
                        closed_at: string | null;
                        company: {
                            id: string;
                            name: string;
                        };
                        country: string | null;
                        /** Format: date-time */
                        created_at: string;
                        description: string;
                        employment_type: string;
                        fee_rate_bps: number;
                        function: string;
                        guarantee_days: number;
                        hired_count: number;
                        hiring_manager_user_id: string | null;
                        id: string;
                        industry: string | null;
                        job_owner: {
                            name: string | null;
                            recruiter_id: string;
                        } | null;
                        location: string | null;
                        /** @description When the role first opened to submissions */
                        opened_at: string | null;
                        openings: number;
                        salary: {
                            currency: string;
                            max: string;
                            min: string;
                        };
                        seniority: string;
                        /** @enum {string} */
                        status: "draft" | "open" | "paused" | "filled" | "closed";
                        title: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** @description Send it back with a change: a newer one answers 409 */
                        version: number;
                        /** @enum {string} */
                        visibility: "all" | "assigned";
                        work_mode: string;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listRoleAssignments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: date-time */
                            created_at: string;
                            display_name: string;
                            recruiter_id: string;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    setRoleAssignments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    recruiter_ids: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** Format: date-time */
                            created_at: string;
                            display_name: string;
                            recruiter_id: string;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    listRoleHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            after: unknown;
                            before: unknown;
                            change: string;
                            /** Format: date-time */
                            changed_at: string;
                            changed_by: string | null;
                            changed_by_name: string | null;
                            id: string;
                            reason: string | null;
                        }[];
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getRolePremium: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        premium: {
                            /** @enum {string} */
                            designation: "urgent" | "niche" | "executive";
                            recruiter_bonus_bps: number;
                        } | null;
                        role_id: string;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    setRolePremium: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    premium: {
                        /** @enum {string} */
                        designation: "urgent" | "niche" | "executive";
                        /** @default 0 */
                        recruiter_bonus_bps?: number;
                    } | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        premium: {
                            /** @enum {string} */
                            designation: "urgent" | "niche" | "executive";
                            recruiter_bonus_bps: number;
                        } | null;
                        role_id: string;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    setRoleStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description UUID */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string;
                    /** @enum {string} */
                    status: "draft" | "open" | "paused" | "filled" | "closed";
                    /** @description The version you loaded; if someone changed it since, the answer is 409 version_conflict */
                    version?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        applications_count: number;
                        /** @description Whether the caller is on the hiring team (may edit and move candidates) */
                        can_manage: boolean;
                        closed_at: string | null;
                        company: {
                            id: string;
                            name: string;
                        };
                        country: string | null;
                        /** Format: date-time */
                        created_at: string;
                        description: string;
                        employment_type: string;
                        fee_rate_bps: number;
                        function: string;
                        guarantee_days: number;
                        hired_count: number;
                        hiring_manager_user_id: string | null;
                        id: string;
                        industry: string | null;
                        job_owner: {
                            name: string | null;
                            recruiter_id: string;
                        } | null;
                        location: string | null;
                        /** @description When the role first opened to submissions */
                        opened_at: string | null;
                        openings: number;
                        salary: {
                            currency: string;
                            max: string;
                            min: string;
                        };
                        seniority: string;
                        /** @enum {string} */
                        status: "draft" | "open" | "paused" | "filled" | "closed";
                        title: string;
                        /** Format: date-time */
                        updated_at: string;
                        /** @description Send it back with a change: a newer one answers 409 */
                        version: number;
                        /** @enum {string} */
                        visibility: "all" | "assigned";
                        work_mode: string;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    receiveStripeWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        duplicate: boolean;
                        /** @enum {boolean} */
                        received: true;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                        uptime_seconds: number;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checks: {
                            /** @enum {string} */
                            database: "ok";
                            /** @enum {string} */
                            migrations: "ok";
                        };
                        migration_version: number;
                        /** @enum {string} */
                        status: "ready";
                    };
                };
            };
            /** @description RFC 9457 problem details */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description RFC 9457 problem details */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code; see GET /api/errors */
                        code: string;
                        detail: string;
                        errors?: {
                            field: string;
                            message: string;
                        }[];
                        instance: string;
                        request_id: string;
                        status: number;
                        title: string;
                        type: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
}
