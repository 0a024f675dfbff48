import { Select } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type CandidateSummary, useCandidatesSearch } from './candidates-api'

interface CandidatePickerProps {
  value: string | null
  onChange: (id: string | null) => void
  /** Candidates that cannot be picked (already submitted to this role): listed, but disabled and saying why. */
  unavailable?: ReadonlySet<string>
}

const optionLabel = (c: CandidateSummary) =>
  c.current_title ? `${c.full_name} · ${c.current_title}` : c.full_name

/** One of my candidates, searched on the server by name, title, location or skill. */
export function CandidatePicker({ value, onChange, unavailable }: CandidatePickerProps) {
  const { t } = useTranslation()
  const [search, setSearch] = useState('')
  const [picked, setPicked] = useState<CandidateSummary | null>(null)
  // Once someone is picked the box shows their label: that is not a search.
  const query = picked && search === optionLabel(picked) ? '' : search
  const [debounced] = useDebouncedValue(query, 250)
  const found = useCandidatesSearch(debounced, 50)
  const candidates = found.data?.pages.flatMap((p) => p.data) ?? []
  const known = picked && !candidates.some((c) => c.id === picked.id) ? [picked, ...candidates] : candidates

  return (
    <Select
      label={t('splits.submit.pick')}
      placeholder={t('splits.submit.pickPlaceholder')}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={found.isFetching ? t('common.loading') : t('splits.submit.noneFound')}
      data={known.map((c) =>
        unavailable?.has(c.id)
          ? {
              value: c.id,
              label: t('splits.submit.alreadySubmitted', { name: optionLabel(c) }),
              disabled: true,
            }
          : { value: c.id, label: optionLabel(c) },
      )}
      value={value}
      onChange={(id) => {
        setPicked(known.find((c) => c.id === id) ?? null)
        onChange(id)
      }}
      data-autofocus
    />
  )
}
