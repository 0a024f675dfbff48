import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.ts'

describe('loadConfig', () => {
  it('starts with no environment at all (embedded database, demo mode)', () => {
    const config = loadConfig({})
    expect(config.db.url).toBeUndefined()
    expect(config.role).toBe('all')
    expect(config.demoMode).toBe(true)
    expect(config.http.publicUrl).toBe('http://localhost:3000')
  })

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ APP_ROLE: 'cron' }, 'APP_ROLE'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ CORS_ORIGINS: 'not a url' }, 'CORS_ORIGINS'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ DEMO_MODE: 'maybe' }, 'DEMO_MODE'],
  ])('refuses %o with one line naming %s', (env, variable) => {
    let error: unknown
    try {
      loadConfig(env)
    } catch (err) {
      error = err
    }
    expect(error).toBeInstanceOf(ConfigError)
    const message = (error as Error).message
    expect(message).toContain(variable)
    expect(message.split('\n')).toHaveLength(1)
  })

  it('reads the sign-in ceiling per client address, 30 an hour and 200 a day unless set', () => {
    expect(loadConfig({}).auth.signInAddressLimits).toEqual({ perHour: 30, perDay: 200 })
    expect(
      loadConfig({ SIGN_IN_ADDRESS_LIMIT_PER_HOUR: '100', SIGN_IN_ADDRESS_LIMIT_PER_DAY: '1000' }).auth
        .signInAddressLimits,
    ).toEqual({ perHour: 100, perDay: 1000 })
    // a day never allows fewer than an hour
    expect(loadConfig({ SIGN_IN_ADDRESS_LIMIT_PER_HOUR: '500' }).auth.signInAddressLimits.perDay).toBe(500)
    expect(() => loadConfig({ SIGN_IN_ADDRESS_LIMIT_PER_HOUR: '0' })).toThrow(
      /SIGN_IN_ADDRESS_LIMIT_PER_HOUR/,
    )
  })

  it('never echoes secrets from a bad URL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://admin:hunter2@db/x' })).toThrow(/admin:\*\*\*@/)
  })

  it('refuses demo mode, test hooks and the embedded database in production', () => {
    expect(() =>
      loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://a@b/c', DEMO_MODE: 'true' }),
    ).toThrow(/DEMO_MODE/)
    expect(() =>
      loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://a@b/c', TEST_HOOKS: 'true' }),
    ).toThrow(/TEST_HOOKS/)
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/DATABASE_URL/)
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://a@b/c',
      AUTH_SECRET: 'x'.repeat(40),
      SMTP_URL: 'smtp://mail.example:587',
      SMS_PROVIDER_URL: 'https://sms.example/send',
    }
    expect(loadConfig(production).demoMode).toBe(false)
    for (const required of ['AUTH_SECRET', 'SMTP_URL', 'SMS_PROVIDER_URL']) {
      expect(() => loadConfig({ ...production, [required]: undefined })).toThrow(new RegExp(required))
    }
  })
})
