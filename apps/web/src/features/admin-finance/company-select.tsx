import { Select, type SelectProps } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useState } from 'react'
import { useCompanies, useCompany } from '../company/company-api'

interface CompanySelectProps extends Omit<SelectProps, 'data' | 'value' | 'onChange'> {
  value: string | null
  onChange: (id: string | null) => void
}

/** A company by name (searched on the server), for filters and forms; keeps the chosen one's name. */
export function CompanySelect({ value, onChange, ...props }: CompanySelectProps) {
  const [search, setSearch] = useState('')
  const [debounced] = useDebouncedValue(search, 250)
  const companies = useCompanies(debounced)
  const chosen = useCompany(value ?? undefined)
  const data = (companies.data?.data ?? []).map((c) => ({ value: c.id, label: c.name }))
  if (value && chosen.data && !data.some((d) => d.value === value))
    data.unshift({ value, label: chosen.data.name })
  return (
    <Select
      searchable
      clearable
      data={data}
      value={value}
      onChange={onChange}
      onSearchChange={setSearch}
      nothingFoundMessage={companies.isFetching ? '…' : undefined}
      {...props}
    />
  )
}
