import { Anchor, Group, useDirection } from '@mantine/core'
import { IconArrowLeft, IconArrowRight } from '@tabler/icons-react'
import { Link } from 'react-router'

/** "← Invoices" above a detail page's header; the arrow follows the page's direction. */
export function BackLink({ to, label }: { to: string; label: string }) {
  const { dir } = useDirection()
  const BackIcon = dir === 'rtl' ? IconArrowRight : IconArrowLeft
  return (
    <Anchor component={Link} to={to} size="sm" mb="sm" display="inline-block">
      <Group gap={4} component="span">
        <BackIcon size={14} />
        {label}
      </Group>
    </Anchor>
  )
}
