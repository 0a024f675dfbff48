import { useEffect } from 'react'

/**
 * OFAIR installs as an app on phones: its manifest (Hebrew, right to left, an icon) is linked
 * while OFAIR's pages show, and its service worker keeps the shell for opening offline.
 */
export function useOfairApp(): void {
  useEffect(() => {
    const link = document.createElement('link')
    link.rel = 'manifest'
    link.href = '/ofair.webmanifest.json'
    document.head.appendChild(link)
    const theme = document.createElement('meta')
    theme.name = 'theme-color'
    theme.content = '#0ca678'
    document.head.appendChild(theme)
    if ('serviceWorker' in navigator && window.isSecureContext) {
      navigator.serviceWorker.register('/ofair-sw.js', { scope: '/ofair/' }).catch(() => {
        // no offline shell this time; the app works the same online
      })
    }
    return () => {
      link.remove()
      theme.remove()
    }
  }, [])
}
