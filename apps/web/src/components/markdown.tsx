import { Typography } from '@mantine/core'
import type { AnchorHTMLAttributes } from 'react'
import ReactMarkdown, { defaultUrlTransform, type Options } from 'react-markdown'

/** Only web and mail links survive; javascript:, data: and anything else becomes no link at all. */
const SAFE_URL = /^(https?:|mailto:)/i

function safeUrl(url: string): string {
  const cleaned = defaultUrlTransform(url)
  return SAFE_URL.test(cleaned) ? cleaned : ''
}

/** Links written by other people: a new tab, no referrer, no opener, no search-engine credit. */
function ExternalLink({ href, children }: AnchorHTMLAttributes<HTMLAnchorElement>) {
  if (!href) return <span>{children}</span>
  return (
    <a href={href} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </a>
  )
}

const COMPONENTS: Options['components'] = {
  a: ExternalLink,
  // A picture from anywhere could track who reads the page: show its description instead.
  img: ({ alt }) => <span>{alt}</span>,
}

/**
 * Text people wrote in Markdown (job descriptions), rendered safely: raw HTML is dropped (never
 * parsed into elements), link and image URLs other than http(s)/mailto are removed, and links open
 * with rel="noopener noreferrer nofollow".
 */
export function Markdown({ children }: { children: string }) {
  return (
    <Typography fz="sm">
      <ReactMarkdown skipHtml urlTransform={safeUrl} components={COMPONENTS}>
        {children}
      </ReactMarkdown>
    </Typography>
  )
}
