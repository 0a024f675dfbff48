import { Text, type TextProps } from '@mantine/core'
import type { ReactNode } from 'react'

/**
 * Text that reads left to right (emails, phone numbers, ids) inside a page of either direction: the
 * block follows the page's alignment, the characters inside keep their order.
 */
export function LtrText({ children, ...props }: TextProps & { children: ReactNode }) {
  return (
    <Text {...props}>
      <bdi dir="ltr">{children}</bdi>
    </Text>
  )
}
