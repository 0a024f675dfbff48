import path from 'node:path'
import { z } from 'zod'
import { repoRoot } from '../kernel/paths.ts'

/**
 * Every setting the server reads from the environment, parsed once at start-up.
 * `.env.example` documents each one; keep the two in step.
 */
const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes')

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  APP_ROLE: z.enum(['web', 'worker', 'all']).default('all'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: booleanFlag.optional(),

  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DB_POOL_MAX: z.coerce.number().int().min(2).max(200).default(20),
  EMBEDDED_PG_DIR: z.string().min(1).default('.data/postgres'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),

  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((v, issue): boolean | number | string[] => {
      if (v === 'false' || v === '0' || v === '') return false
      if (v === 'true') return true
      if (/^\d+$/.test(v)) return Number(v)
      const list = v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
      if (list.every((s) => /^[0-9a-fA-F:.]+(\/\d{1,3})?$/.test(s))) return list
      issue.addIssue({
        code: 'custom',
        message: 'must be false, true, a hop count, or comma-separated addresses/CIDRs',
      })
      return z.NEVER
    }),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(50_000_000).default(1_048_576),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url())),
  METRICS_TOKEN: z.string().min(16).optional(),
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1000),

  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SESSION_IDLE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(72),
  SESSION_ABSOLUTE_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).optional(),
  SIGN_IN_CODE_TTL_MINUTES: z.coerce.number().int().min(2).max(60).default(10),
  SIGN_IN_ADDRESS_LIMIT_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(30),
  SIGN_IN_ADDRESS_LIMIT_PER_DAY: z.coerce.number().int().min(1).max(1_000_000).default(200),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Splits Network <no-reply@splits.localhost>'),
  SMS_PROVIDER_URL: z.url().optional(),
  SMS_PROVIDER_TOKEN: z.string().min(1).optional(),
  SMS_SENDER: z.string().min(1).max(11).default('OFAIR'),
  SMS_CHANNEL: z.enum(['sms', 'whatsapp']).default('sms'),
  WHATSAPP_PROVIDER_URL: z.url().optional(),
  WHATSAPP_TOKEN: z.string().min(1).optional(),
  WHATSAPP_TEMPLATE_LANGUAGE: z
    .string()
    .regex(/^[a-z]{2}(_[A-Z]{2})?$/, 'must be a language code like he or en_US')
    .default('he'),
  VAPID_PUBLIC_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{80,100}$/, 'must be a base64url P-256 public key')
    .optional(),
  VAPID_PRIVATE_KEY: z
    .string()
    .regex(/^[A-Za-z0-9_-]{40,50}$/, 'must be a base64url P-256 private key')
    .optional(),
  VAPID_SUBJECT: z
    .string()
    .regex(/^(mailto:|https:\/\/)/, 'must be a mailto: or https:// URL')
    .default('mailto:support@ofair.localhost'),
  OIDC_ISSUER: z.url().optional(),
  OIDC_AUDIENCE: z.string().min(1).optional(),
  OIDC_JWKS_URL: z.url().optional(),
  OIDC_AUTHORIZED_PARTIES: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    ),
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^sk_(test|live)_[A-Za-z0-9_]+$/, 'must be a Stripe secret key (sk_…)')
    .optional(),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_[A-Za-z0-9_]+$/, 'must be a webhook signing secret (whsec_…)')
    .optional(),
  STRIPE_API_URL: z.url().optional(),
  PAYOUT_HOLDBACK_BPS: z.coerce.number().int().min(0).max(10_000).default(2000),
  MATCH_THRESHOLD: z.coerce.number().int().min(0).max(100).default(60),
  OFAIR_ISSUER_NAME: z.string().min(2).max(120).default('אופייר שירותי הפניות בע״מ (OFAIR Ltd.)'),
  OFAIR_ISSUER_BUSINESS_NUMBER: z
    .string()
    .regex(/^\d{9}$/, 'must be nine digits')
    .default('516000007'),
  OFAIR_ISSUER_ADDRESS: z.string().min(2).max(200).default('רחוב הברזל 3, תל אביב-יפו 6971005'),
  DEMO_MODE: booleanFlag.optional(),
  SEED_DEMO_DATA: booleanFlag.optional(),
  TEST_HOOKS: booleanFlag.default(false),
  WEB_DIST_DIR: z.string().default('apps/web/dist'),
  DOCUMENTS_STORAGE: z.enum(['local', 's3']).default('local'),
  DOCUMENTS_DIR: z.string().min(1).default('.data/documents'),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name')
    .optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ENDPOINT: z.url().optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: booleanFlag.default(false),
})

export type TEnv = z.input<typeof ZEnv>

export interface AppConfig {
  env: 'development' | 'test' | 'production'
  role: 'web' | 'worker' | 'all'
  http: {
    host: string
    port: number
    publicUrl: string
    bodyLimitBytes: number
    corsOrigins: string[]
    metricsToken: string | undefined
    /**
     * Whether to take the client address from X-Forwarded-For: off by default (a direct client
     * could forge it); behind a proxy, the proxy's addresses or hop count.
     */
    trustProxy: boolean | number | string[]
  }
  log: { level: string; pretty: boolean }
  db: {
    /** Absent: the embedded PostgreSQL under `embedded.dataDir` is used. */
    url: string | undefined
    poolMax: number
    embedded: { dataDir: string; port: number }
  }
  auth: {
    /** HMAC key for one-time codes and CSRF tokens; shared by every process. */
    secret: string
    sessionIdleHours: number
    sessionAbsoluteDays: number
    /**
     * How long a process may reuse a checked session (0: never). Changes to the person reach every
     * process at commit (NOTIFY), so this only bounds how stale a lost notification could make it.
     */
    sessionCacheSeconds: number
    codeTtlMinutes: number
    /**
     * The abuse ceiling on sign-in codes requested from one client address (per destination the
     * limits are fixed: 1 a minute, 5 an hour, 10 a day). High enough for an office behind one NAT
     * address; not applied in demo mode, where visitors switch personas freely.
     */
    signInAddressLimits: { perHour: number; perDay: number }
    /** Cookies get `Secure` when the public URL is https. */
    secureCookies: boolean
    oidc: { issuer: string; audience: string; jwksUrl: string; authorizedParties: string[] } | undefined
  }
  mail: { smtpUrl: string | undefined; from: string }
  sms: {
    providerUrl: string | undefined
    token: string | undefined
    sender: string
    channel: 'sms' | 'whatsapp'
  }
  /** WhatsApp Cloud-style provider (templates); without it WhatsApp goes through the SMS provider. */
  whatsapp: { providerUrl: string | undefined; token: string | undefined; language: string }
  /**
   * Web push VAPID keys. Unset: in demo mode a pair is generated at start (kept in memory, so
   * browsers subscribe again after a restart); otherwise web push is off.
   */
  webPush: { publicKey: string; privateKey: string; subject: string } | undefined
  vapidSubject: string
  /**
   * Card and bank-debit payments. Without a key: in demo mode a local Stripe test server is started
   * and used; otherwise only bank transfers recorded by an admin.
   */
  stripe: { secretKey: string; webhookSecret: string; apiUrl: string | undefined } | undefined
  /**
   * Paying recruiters: the share of each recruiter's money held back until a placement's guarantee
   * ends, unless the company's billing settings say otherwise (basis points; 2000 = 20%).
   */
  payouts: { holdbackBps: number }
  /** Matching: the score (0–100) at or above which a suggestion reaches people. */
  matching: { threshold: number }
  /** The platform as the issuer of OFAIR's tax invoices (name, ח.פ., address), copied onto each one. */
  ofairIssuer: { name: string; businessNumber: string; address: string }
  shutdownTimeoutMs: number
  outboxPollMs: number
  /** Demo mode: dev outbox page, demo personas. Never allowed in production. */
  demoMode: boolean
  seedDemoData: boolean
  /** Extra routes that only the test suite uses (a deliberately slow request). */
  testHooks: boolean
  webDistDir: string
  /** Where documents' bytes live: a directory on local disk, or an S3 bucket. */
  documents:
    | { storage: 'local'; dir: string }
    | {
        storage: 's3'
        s3: {
          bucket: string
          region: string
          endpoint: string | undefined
          accessKeyId: string | undefined
          secretAccessKey: string | undefined
          forcePathStyle: boolean
        }
      }
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** Parses the environment; throws a ConfigError whose message is one line naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = ZEnv.safeParse(env)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!
    const variable = String(issue.path[0] ?? 'environment')
    const got = env[variable]
    const shown = got === undefined ? 'it is missing' : `got ${JSON.stringify(redact(variable, got))}`
    throw new ConfigError(`Invalid configuration: ${variable} ${issue.message} (${shown}). See .env.example.`)
  }
  const e = parsed.data
  const demoMode = e.DEMO_MODE ?? e.NODE_ENV !== 'production'
  if (demoMode && e.NODE_ENV === 'production') {
    throw new ConfigError('Invalid configuration: DEMO_MODE cannot be true when NODE_ENV=production.')
  }
  if (e.TEST_HOOKS && e.NODE_ENV === 'production') {
    throw new ConfigError('Invalid configuration: TEST_HOOKS cannot be true when NODE_ENV=production.')
  }
  if (e.NODE_ENV === 'production' && !e.DATABASE_URL) {
    throw new ConfigError(
      'Invalid configuration: DATABASE_URL is required when NODE_ENV=production (the embedded database is for development).',
    )
  }
  if (e.NODE_ENV === 'production') {
    for (const required of ['AUTH_SECRET', 'SMTP_URL', 'SMS_PROVIDER_URL'] as const) {
      if (!e[required]) {
        throw new ConfigError(`Invalid configuration: ${required} is required when NODE_ENV=production.`)
      }
    }
  }
  if (e.STRIPE_SECRET_KEY && !e.STRIPE_WEBHOOK_SECRET) {
    throw new ConfigError(
      'Invalid configuration: STRIPE_WEBHOOK_SECRET is required with STRIPE_SECRET_KEY (payments are confirmed by webhooks).',
    )
  }
  if (e.DOCUMENTS_STORAGE === 's3' && !e.S3_BUCKET) {
    throw new ConfigError('Invalid configuration: S3_BUCKET is required when DOCUMENTS_STORAGE=s3.')
  }
  if (Boolean(e.VAPID_PUBLIC_KEY) !== Boolean(e.VAPID_PRIVATE_KEY)) {
    throw new ConfigError('Invalid configuration: VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY go together.')
  }
  if (e.OIDC_ISSUER && !e.OIDC_AUDIENCE) {
    throw new ConfigError('Invalid configuration: OIDC_AUDIENCE is required when OIDC_ISSUER is set.')
  }
  const port = e.PORT
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, '')
  return {
    env: e.NODE_ENV,
    role: e.APP_ROLE,
    http: {
      host: e.HOST,
      port,
      publicUrl,
      bodyLimitBytes: e.BODY_LIMIT_BYTES,
      corsOrigins: e.CORS_ORIGINS,
      metricsToken: e.METRICS_TOKEN,
      trustProxy: e.TRUST_PROXY,
    },
    log: {
      level: e.LOG_LEVEL,
      pretty: e.LOG_PRETTY ?? (e.NODE_ENV === 'development' && process.stdout.isTTY),
    },
    db: {
      url: e.DATABASE_URL,
      poolMax: e.DB_POOL_MAX,
      embedded: { dataDir: path.resolve(repoRoot, e.EMBEDDED_PG_DIR), port: e.EMBEDDED_PG_PORT },
    },
    auth: {
      // Development only: production refuses to start without AUTH_SECRET (above).
      secret: e.AUTH_SECRET ?? 'development-only-secret-never-use-in-production',
      sessionIdleHours: e.SESSION_IDLE_HOURS,
      // off under test: tests change people in SQL and ask at once, faster than a NOTIFY travels
      sessionCacheSeconds: e.SESSION_CACHE_SECONDS ?? (e.NODE_ENV === 'test' ? 0 : 5),
      sessionAbsoluteDays: e.SESSION_ABSOLUTE_DAYS,
      codeTtlMinutes: e.SIGN_IN_CODE_TTL_MINUTES,
      signInAddressLimits: {
        perHour: e.SIGN_IN_ADDRESS_LIMIT_PER_HOUR,
        perDay: Math.max(e.SIGN_IN_ADDRESS_LIMIT_PER_DAY, e.SIGN_IN_ADDRESS_LIMIT_PER_HOUR),
      },
      secureCookies: publicUrl.startsWith('https://'),
      oidc:
        e.OIDC_ISSUER && e.OIDC_AUDIENCE
          ? {
              issuer: e.OIDC_ISSUER,
              audience: e.OIDC_AUDIENCE,
              jwksUrl: e.OIDC_JWKS_URL ?? `${e.OIDC_ISSUER.replace(/\/$/, '')}/.well-known/jwks.json`,
              authorizedParties: e.OIDC_AUTHORIZED_PARTIES,
            }
          : undefined,
    },
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    sms: {
      providerUrl: e.SMS_PROVIDER_URL,
      token: e.SMS_PROVIDER_TOKEN,
      sender: e.SMS_SENDER,
      channel: e.SMS_CHANNEL,
    },
    whatsapp: {
      providerUrl: e.WHATSAPP_PROVIDER_URL,
      token: e.WHATSAPP_TOKEN,
      language: e.WHATSAPP_TEMPLATE_LANGUAGE,
    },
    webPush:
      e.VAPID_PUBLIC_KEY && e.VAPID_PRIVATE_KEY
        ? { publicKey: e.VAPID_PUBLIC_KEY, privateKey: e.VAPID_PRIVATE_KEY, subject: e.VAPID_SUBJECT }
        : undefined,
    vapidSubject: e.VAPID_SUBJECT,
    stripe: e.STRIPE_SECRET_KEY
      ? {
          secretKey: e.STRIPE_SECRET_KEY,
          webhookSecret: e.STRIPE_WEBHOOK_SECRET ?? '',
          apiUrl: e.STRIPE_API_URL,
        }
      : undefined,
    payouts: { holdbackBps: e.PAYOUT_HOLDBACK_BPS },
    matching: { threshold: e.MATCH_THRESHOLD },
    ofairIssuer: {
      name: e.OFAIR_ISSUER_NAME,
      businessNumber: e.OFAIR_ISSUER_BUSINESS_NUMBER,
      address: e.OFAIR_ISSUER_ADDRESS,
    },
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    outboxPollMs: e.OUTBOX_POLL_MS,
    demoMode,
    seedDemoData: e.SEED_DEMO_DATA ?? demoMode,
    testHooks: e.TEST_HOOKS,
    webDistDir: path.resolve(repoRoot, e.WEB_DIST_DIR),
    documents:
      e.DOCUMENTS_STORAGE === 's3'
        ? {
            storage: 's3',
            s3: {
              bucket: e.S3_BUCKET ?? '',
              region: e.S3_REGION,
              endpoint: e.S3_ENDPOINT,
              accessKeyId: e.S3_ACCESS_KEY_ID,
              secretAccessKey: e.S3_SECRET_ACCESS_KEY,
              forcePathStyle: e.S3_FORCE_PATH_STYLE,
            },
          }
        : { storage: 'local', dir: path.resolve(repoRoot, e.DOCUMENTS_DIR) },
  }
}

function redact(variable: string, value: string): string {
  if (/URL$/.test(variable)) return value.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@')
  if (/TOKEN|SECRET|KEY|PASSWORD/.test(variable)) return '***'
  return value
}
