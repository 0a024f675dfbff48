import type { TFunction } from 'i18next'
import { ApiError, errorMessage } from '../../api/client'

/** Seconds to wait before another code may be sent, when the server refused a send as too frequent. */
export function retryAfterSeconds(err: unknown): number | undefined {
  return err instanceof ApiError && err.code === 'rate_limited'
    ? err.numberField('retry_after_seconds')
    : undefined
}

/**
 * The sentence for a failed sign-in step. The server's user_message wins (OFAIR's are Hebrew);
 * otherwise a message by error code from the page's language file.
 */
export function signInErrorMessage(err: unknown, t: TFunction): string {
  if (!(err instanceof ApiError)) return errorMessage(err, t)
  if (err.userMessage) return err.userMessage
  switch (err.code) {
    case 'code_invalid': {
      const count = err.numberField('attempts_remaining')
      return count === undefined
        ? t('common.signIn.errors.codeInvalid')
        : t('common.signIn.errors.codeInvalidAttempts', { count })
    }
    case 'code_expired':
      return t('common.signIn.errors.codeExpired')
    case 'account_suspended':
      return t('common.signIn.errors.suspended')
    case 'rate_limited': {
      const seconds = retryAfterSeconds(err)
      return seconds === undefined
        ? t('common.signIn.errors.tooManyAttempts')
        : t('common.signIn.errors.tooManySends', { time: formatWait(seconds) })
    }
    case 'validation_failed':
      return t('common.signIn.errors.invalidInput')
    default:
      return errorMessage(err, t)
  }
}

/** A wait as a clock reading: 0:45, 12:00, 1:05:00. */
export function formatWait(seconds: number): string {
  const total = Math.max(0, Math.ceil(seconds))
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = String(total % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`
}
