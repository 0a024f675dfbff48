import { useLocalStorage } from '@mantine/hooks'
import { type MyCompany, useMyCompanies } from './company-api'

/** The company a hiring-team member is working on; remembered per browser when there are several. */
export function useActiveCompany(): {
  companies: MyCompany[]
  active: MyCompany | undefined
  setActive: (id: string) => void
  isPending: boolean
} {
  const { companies, isPending } = useMyCompanies()
  const [stored, setStored] = useLocalStorage<string>({ key: 'splits-active-company', defaultValue: '' })
  const active = companies.find((c) => c.id === stored) ?? companies[0]
  return { companies, active, setActive: setStored, isPending }
}
