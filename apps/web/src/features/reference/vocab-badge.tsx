import { Badge, type BadgeProps } from '@mantine/core'
import { BADGE_COLORS } from './badge-colors'
import { useVocab, type VocabKind } from './use-vocab'

interface VocabBadgeProps extends Omit<BadgeProps, 'children' | 'color'> {
  kind: VocabKind
  code: string
}

/** A status code as a coloured label: role status, stage, ownership, dispute status… */
export function VocabBadge({ kind, code, ...props }: VocabBadgeProps) {
  const { label } = useVocab()
  return (
    <Badge variant="light" tt="none" color={BADGE_COLORS[kind]?.[code] ?? 'gray'} {...props}>
      {label(kind, code)}
    </Badge>
  )
}
