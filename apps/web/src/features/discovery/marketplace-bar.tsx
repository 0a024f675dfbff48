import { Button, Group, Select, Text } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconBookmarkPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { RoleQuery } from '../roles/roles-api'
import { ROLE_SORTS, type RoleSort } from './discovery-api'
import { SaveSearchModal } from './save-search-modal'

interface MarketplaceBarProps {
  /** Every role matching the filters (the API's exact count), once known. */
  total: number | undefined
  sort: RoleSort
  onSort: (sort: RoleSort) => void
  /** Recruiters may save the search. */
  canSave: boolean
  query: RoleQuery
}

/** Above the role list: how many roles match, the order, and "Save this search". */
export function MarketplaceBar({ total, sort, onSort, canSave, query }: MarketplaceBarProps) {
  const { t } = useTranslation()
  const [opened, { open, close }] = useDisclosure(false)
  return (
    <Group justify="space-between" gap="sm" wrap="wrap">
      <Text fw={600} aria-live="polite" data-testid="roles-total">
        {total === undefined ? '\u00a0' : t('splits.discovery.total', { count: total })}
      </Text>
      <Group gap="sm" wrap="wrap">
        <Select
          aria-label={t('splits.discovery.sort.label')}
          value={sort}
          onChange={(v) => onSort((v as RoleSort | null) ?? 'newest')}
          data={ROLE_SORTS.map((s) => ({ value: s, label: t(`splits.discovery.sort.${s}`) }))}
          allowDeselect={false}
          w={{ base: '100%', xs: 220 }}
        />
        {canSave && (
          <Button variant="light" leftSection={<IconBookmarkPlus size={16} />} onClick={open}>
            {t('splits.discovery.save.button')}
          </Button>
        )}
      </Group>
      {canSave && <SaveSearchModal opened={opened} onClose={close} query={query} sort={sort} />}
    </Group>
  )
}
