// Runs synchronously before the app bundle so the first paint already has the right colour scheme
// and text direction. Keep the storage key and the /ofair prefix in sync with src/app/.
;(() => {
  const root = document.documentElement
  // Default: follow the operating system; a choice made with the toggle is remembered.
  let scheme = window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'
  try {
    const stored = window.localStorage.getItem('mantine-color-scheme-value')
    if (stored === 'dark' || stored === 'light') scheme = stored
  } catch {
    // Storage can be blocked (privacy mode): the system preference stands.
  }
  root.setAttribute('data-mantine-color-scheme', scheme)
  if (/^\/ofair(\/|$)/.test(window.location.pathname)) {
    root.setAttribute('dir', 'rtl')
    root.setAttribute('lang', 'he')
  }
})()
