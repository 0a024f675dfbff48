import { Button, Grid, Group, Select, TextInput } from '@mantine/core'
import { useDisclosure, useMediaQuery } from '@mantine/hooks'
import { IconAdjustmentsHorizontal, IconMapPin, IconSearch } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useCompanies } from '../company/company-api'
import { useReference } from '../reference/reference-api'
import { useVocab } from '../reference/use-vocab'
import type { RoleFilterValues } from './use-role-filters'

interface RoleFiltersProps {
  values: RoleFilterValues
  onChange: (patch: Partial<RoleFilterValues>) => void
  invalid: ('min' | 'max')[]
  /** Hiring teams and admins filter by status; recruiters only see open roles. */
  showStatus: boolean
  /** A hiring team sees only its own company's roles: no company filter. */
  showCompany: boolean
}

const ROLE_STATUSES = ['draft', 'open', 'paused', 'filled', 'closed']
const COL = { base: 12, xs: 6, md: 3 }
const NARROW = { base: 12, xs: 6, md: 2 }
const WIDE = { base: 12, xs: 6, md: 4 }

/** Search, location, company, function, seniority, work mode and a salary range in major units. */
export function RoleFilters({ values, onChange, invalid, showStatus, showCompany }: RoleFiltersProps) {
  const { t } = useTranslation()
  const { options } = useVocab()
  const reference = useReference().data
  const companies = useCompanies('', showCompany).data?.data ?? []
  const select = (key: keyof RoleFilterValues) => ({
    value: values[key] || null,
    onChange: (value: string | null) => onChange({ [key]: value ?? '' }),
    clearable: true,
  })
  // On a phone only the search box shows until "Filters" is pressed.
  const wide = useMediaQuery('(min-width: 36em)', true, { getInitialValueInEffect: false })
  const [opened, { toggle }] = useDisclosure(false)
  const others = (Object.keys(values) as (keyof RoleFilterValues)[]).filter(
    (k) => k !== 'q' && k !== 'currency' && k !== 'sort' && values[k],
  ).length
  const status = (
    <Select
      aria-label={t('splits.roles.filters.status')}
      placeholder={t('splits.roles.filters.anyStatus')}
      data={options('roleStatuses', ROLE_STATUSES)}
      {...select('status')}
    />
  )

  return (
    <Grid gap="sm">
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Group gap="xs" wrap="nowrap">
          <TextInput
            aria-label={t('splits.roles.filters.search')}
            placeholder={t('splits.roles.filters.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            type="search"
            value={values.q}
            onChange={(event) => onChange({ q: event.currentTarget.value })}
            style={{ flex: 1 }}
          />
          {!wide && (
            <Button
              variant={others ? 'light' : 'default'}
              leftSection={<IconAdjustmentsHorizontal size={16} />}
              onClick={toggle}
              aria-expanded={opened}
            >
              {others
                ? t('splits.roles.filters.moreCount', { count: others })
                : t('splits.roles.filters.more')}
            </Button>
          )}
        </Group>
      </Grid.Col>
      {(wide || opened) && (
        <>
          <Grid.Col span={COL}>
            <TextInput
              aria-label={t('splits.roles.filters.location')}
              placeholder={t('splits.roles.filters.location')}
              leftSection={<IconMapPin size={16} />}
              value={values.location}
              onChange={(event) => onChange({ location: event.currentTarget.value })}
            />
          </Grid.Col>
          <Grid.Col span={WIDE}>
            {showCompany ? (
              <Select
                aria-label={t('splits.roles.filters.company')}
                placeholder={t('splits.roles.filters.anyCompany')}
                data={companies.map((c) => ({ value: c.id, label: c.name }))}
                searchable
                {...select('company')}
              />
            ) : (
              status
            )}
          </Grid.Col>
          <Grid.Col span={COL}>
            <Select
              aria-label={t('splits.roles.filters.function')}
              placeholder={t('splits.roles.filters.anyFunction')}
              data={options('functions', reference?.functions ?? [])}
              {...select('function')}
            />
          </Grid.Col>
          <Grid.Col span={COL}>
            <Select
              aria-label={t('splits.roles.filters.seniority')}
              placeholder={t('splits.roles.filters.anySeniority')}
              data={options('seniorities', reference?.seniorities ?? [])}
              {...select('seniority')}
            />
          </Grid.Col>
          <Grid.Col span={NARROW}>
            <Select
              aria-label={t('splits.roles.filters.workMode')}
              placeholder={t('splits.roles.filters.anyWorkMode')}
              data={options('workModes', reference?.work_modes ?? [])}
              {...select('work_mode')}
            />
          </Grid.Col>
          <Grid.Col span={WIDE}>
            <Group gap={6} wrap="nowrap" align="flex-start">
              <Select
                aria-label={t('splits.roles.filters.currency')}
                data={reference?.currencies ?? ['USD']}
                value={values.currency || 'USD'}
                onChange={(value) => onChange({ currency: value ?? '' })}
                allowDeselect={false}
                w={84}
                style={{ flexShrink: 0 }}
              />
              <TextInput
                aria-label={t('splits.roles.filters.salaryMin')}
                placeholder={t('splits.roles.filters.from')}
                inputMode="decimal"
                value={values.min}
                error={invalid.includes('min') ? t('splits.roles.filters.amountInvalid') : undefined}
                onChange={(event) => onChange({ min: event.currentTarget.value })}
                style={{ flex: 1, minWidth: 0 }}
              />
              <TextInput
                aria-label={t('splits.roles.filters.salaryMax')}
                placeholder={t('splits.roles.filters.to')}
                inputMode="decimal"
                value={values.max}
                error={invalid.includes('max') ? t('splits.roles.filters.amountInvalid') : undefined}
                onChange={(event) => onChange({ max: event.currentTarget.value })}
                style={{ flex: 1, minWidth: 0 }}
              />
            </Group>
          </Grid.Col>
          {showStatus && showCompany && <Grid.Col span={COL}>{status}</Grid.Col>}
        </>
      )}
    </Grid>
  )
}
