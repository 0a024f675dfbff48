import { useSearchParams } from 'react-router'

/** Where to go after signing in: `?next=` when it is a path on this site, otherwise `fallback`. */
export function useNextPath(fallback: string): string {
  const [params] = useSearchParams()
  const next = params.get('next')
  // Only same-site paths: "//evil.example" and "/\evil.example" would leave the site.
  return next && /^\/(?![/\\])/.test(next) ? next : fallback
}
