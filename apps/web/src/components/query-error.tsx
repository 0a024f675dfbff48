import { ApiError } from '../api/api-error'
import { isAuthError } from '../api/client'
import { ErrorAlert } from './error-alert'
import { NotFoundState } from './not-found-state'
import { SignInRequiredAlert } from './sign-in-required-alert'

interface QueryErrorProps {
  error: unknown
  /** The sign-in prompt's title when the API answers 401 or 403, e.g. "Sign in to see roles". */
  signInTitle: string
  onRetry?: () => void
  /** Where "back" leads from a not-found page, e.g. the list the item belongs to. */
  backTo?: string
  backLabel?: string
}

/**
 * Why a screen's data did not load, said the right way: a sign-in prompt (401/403), a not-found page
 * (404 or an id that is not one), or a human message with a retry only where retrying can help.
 */
export function QueryError({ error, signInTitle, onRetry, backTo, backLabel }: QueryErrorProps) {
  if (isAuthError(error)) return <SignInRequiredAlert error={error} title={signInTitle} />
  if (error instanceof ApiError && error.isNotFound)
    return <NotFoundState error={error} backTo={backTo} backLabel={backLabel} />
  return <ErrorAlert error={error} {...(onRetry ? { onRetry } : {})} />
}
