import { Select } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useRecruiters } from './recruiters-api'

interface RecruiterSelectProps {
  value: string | null
  onChange: (id: string | null, name: string | null) => void
  /** Recruiters already known to the caller (e.g. those on the split), shown before any search. */
  known: { id: string; name: string }[]
  label?: string
  /** Show the label above the input (forms) rather than only to screen readers. */
  labelVisible?: boolean
  description?: string
  error?: string | undefined
}

/** Pick a recruiter by name, searched on the server. */
export function RecruiterSelect({
  value,
  onChange,
  known,
  label,
  labelVisible = false,
  description,
  error,
}: RecruiterSelectProps) {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const current = known.find((r) => r.id === value)
  const query = current && search === current.name ? '' : search
  const [debounced] = useDebouncedValue(query, 250)
  const found = useRecruiters(debounced)
  const options = new Map(known.map((r) => [r.id, r.name]))
  for (const r of found.data?.data ?? []) options.set(r.id, r.display_name)

  return (
    <Select
      {...(labelVisible ? { label } : { 'aria-label': label ?? t('splits.recruiterSelect.label') })}
      description={description}
      error={error}
      clearable={labelVisible}
      placeholder={t('splits.recruiterSelect.placeholder')}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={t('splits.recruiterSelect.none')}
      data={[...options].map(([id, name]) => ({ value: id, label: name }))}
      value={value}
      onChange={(id) => onChange(id, id ? (options.get(id) ?? null) : null)}
    />
  )
}
