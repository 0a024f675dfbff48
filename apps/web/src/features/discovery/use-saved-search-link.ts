import { useEffect, useRef, useState } from 'react'
import { useSearchParams } from 'react-router'
import type { RoleFilterValues } from '../roles/use-role-filters'
import { filterValuesOf, useSavedSearch } from './discovery-api'

/**
 * `/splits/roles?saved=<id>` (the daily digest's link): loads the saved search's filters and sort
 * into the marketplace once, then the address shows them like any other search. The id is read
 * when the page opens (the filters rewrite the address right away).
 */
export function useSavedSearchLink(set: (patch: Partial<RoleFilterValues>) => void) {
  const [params] = useSearchParams()
  const [id] = useState(() => params.get('saved') ?? '')
  const saved = useSavedSearch(id)
  const applied = useRef(false)
  useEffect(() => {
    if (!saved.data || applied.current) return
    applied.current = true
    set(filterValuesOf(saved.data))
  }, [saved.data, set])
}
