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
        get: {
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
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change my display name or language
         * @description **Access:** Any signed-in user. The caller’s own account only.
         */
        patch: {
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
            };
        };
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
         * @description **Access:** Any signed-in user. The caller’s own account only.
         */
        get: {
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
            };
        };
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
        delete: {
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
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
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
         * @description **Access:** Roles: platform_admin.
         */
        get: {
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
            };
        };
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
         * @description **Access:** Roles: platform_admin.
         */
        get: {
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
            };
        };
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
         * @description **Access:** Roles: platform_admin.
         */
        post: {
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
            };
        };
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
        get: {
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
            };
        };
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
        get: {
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
            };
        };
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
        get: {
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
                            audit: {
                                action: string;
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
        post: {
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
                            audit: {
                                action: string;
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
        delete: {
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
                            audit: {
                                action: string;
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
        post: {
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
                            audit: {
                                action: string;
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
        post: {
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
                            audit: {
                                action: string;
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
         * @description Always answers 202 with a challenge, whether or not an account exists. Limits: 1 a minute, 5 an hour, 10 a day per address and per client IP.
         *
         *     **Access:** Public. Sign-in.
         */
        post: {
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
        post: {
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
         * @description Accepts 050-…, +972…, 972… or 00972…; only valid Israeli mobile numbers. Errors carry a Hebrew `user_message`. Limits: 1 a minute, 5 an hour, 10 a day per number and per client IP.
         *
         *     **Access:** Public. Sign-in.
         */
        post: {
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
         * Revoke a session (the current one if no id is given)
         * @description **Access:** Any signed-in user. Only the caller’s own sessions; another person’s session id answers 404.
         */
        post: {
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
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
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
        get: {
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
            };
        };
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
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
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
        post: {
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
        get: {
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
            };
        };
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
        get: {
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
            };
        };
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
        get: {
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
                                status: number;
                                title: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
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
        get: {
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
            };
        };
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
        get: {
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
export type operations = Record<string, never>;
