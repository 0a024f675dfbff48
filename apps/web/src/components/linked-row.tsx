import { Anchor, Table } from '@mantine/core'
import type { ReactNode } from 'react'
import { Link, useNavigate } from 'react-router'

/** A table row that opens `to` when clicked anywhere on it. Put a RowLink in it for keyboards and new tabs. */
export function LinkedRow({ to, children }: { to: string; children: ReactNode }) {
  const navigate = useNavigate()
  return (
    <Table.Tr style={{ cursor: 'pointer' }} onClick={() => navigate(to)}>
      {children}
    </Table.Tr>
  )
}

/** The real link inside a LinkedRow; it stops the click so the row does not navigate a second time. */
export function RowLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Anchor component={Link} to={to} fw={600} size="sm" onClick={(event) => event.stopPropagation()}>
      {children}
    </Anchor>
  )
}
