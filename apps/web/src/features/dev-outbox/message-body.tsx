import { Anchor, Mark, Text } from '@mantine/core'
import type { ReactNode } from 'react'

/** Links and six-digit codes inside a message's text. */
const TOKENS = /(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)]|(?<!\d)\d{6}(?!\d))/g

/** The first six-digit code in a message, for the copy button. */
export function findCode(body: string): string | undefined {
  return /(?<!\d)\d{6}(?!\d)/.exec(body)?.[0]
}

/** A message's plain text with its links clickable and its sign-in code highlighted. */
export function MessageBody({ body }: { body: string }) {
  const parts: ReactNode[] = []
  let last = 0
  for (const match of body.matchAll(TOKENS)) {
    const [token] = match
    const at = match.index
    parts.push(body.slice(last, at))
    parts.push(
      /^https?:/.test(token) ? (
        <Anchor key={at} href={token} style={{ wordBreak: 'break-all' }}>
          {token}
        </Anchor>
      ) : (
        <Mark key={at} fw={700} px={2} style={{ letterSpacing: 1 }}>
          {token}
        </Mark>
      ),
    )
    last = at + token.length
  }
  parts.push(body.slice(last))

  return (
    <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {parts}
    </Text>
  )
}
