import { Select } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useState } from 'react'
import { useLocalities } from './ofair-api'

interface LocalitySelectProps {
  label: string
  value: number | null
  onChange: (id: number | null, name: string | null) => void
  error?: string | undefined
  required?: boolean
  initialName?: string | undefined
}

/** A locality searched by name in Hebrew (or English), from the server's GeoNames list. */
export function LocalitySelect({
  label,
  value,
  onChange,
  error,
  required,
  initialName,
}: LocalitySelectProps) {
  const [search, setSearch] = useState(initialName ?? '')
  const [debounced] = useDebouncedValue(search, 200)
  const localities = useLocalities(debounced)
  const options = (localities.data?.data ?? []).map((l) => ({ value: String(l.id), label: l.name }))
  if (value !== null && initialName && !options.some((o) => o.value === String(value)))
    options.unshift({ value: String(value), label: initialName })
  return (
    <Select
      label={label}
      searchable
      required={required}
      data={options}
      value={value === null ? null : String(value)}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(v, option) => onChange(v ? Number(v) : null, option?.label ?? null)}
      error={error}
      nothingFoundMessage="לא נמצא יישוב בשם הזה"
      filter={({ options: o }) => o}
    />
  )
}
