// The server hands out a CSRF token at sign-in; cookie-authenticated mutations must echo it in the
// x-csrf-token header. Kept in sessionStorage so a reload in the same tab keeps working.
const KEY = 'csrf-token'

let token: string | null = readStored()

function readStored(): string | null {
  try {
    return window.sessionStorage.getItem(KEY)
  } catch {
    return null
  }
}

export const csrf = {
  get(): string | null {
    return token
  },
  set(value: string): void {
    token = value
    try {
      window.sessionStorage.setItem(KEY, value)
    } catch {
      // Storage blocked: the in-memory copy still serves this page load.
    }
  },
  clear(): void {
    token = null
    try {
      window.sessionStorage.removeItem(KEY)
    } catch {
      // Nothing stored to remove.
    }
  },
}
