import { Select } from '@mantine/core'
import { IconBuilding } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { MyCompany } from './company-api'

interface CompanySwitcherProps {
  companies: MyCompany[]
  value: string | undefined
  onChange: (id: string) => void
}

/** For people on several companies' hiring teams: which company the screens show. */
export function CompanySwitcher({ companies, value, onChange }: CompanySwitcherProps) {
  const { t } = useTranslation()
  if (companies.length < 2) return null
  return (
    <Select
      aria-label={t('splits.company.switch')}
      leftSection={<IconBuilding size={16} />}
      data={companies.map((c) => ({ value: c.id, label: c.name }))}
      value={value ?? null}
      onChange={(id) => id && onChange(id)}
      allowDeselect={false}
      w={240}
    />
  )
}
