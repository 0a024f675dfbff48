import { Text, type TextProps } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useCompany } from '../company/company-api'
import { useRecruiter } from '../recruiters/recruiters-api'
import { useVocab } from '../reference/use-vocab'

/** Who an account belongs to, by name: the platform, a company, a recruiter, the payment processor. */
export function useOwnerName(owner: { type: string; id: string | null }): string {
  const { t } = useTranslation()
  const { label } = useVocab()
  const company = useCompany(owner.type === 'company' ? (owner.id ?? undefined) : undefined)
  const recruiter = useRecruiter(owner.type === 'recruiter' ? (owner.id ?? undefined) : undefined)
  if (owner.type === 'platform') return t('admin.finance.ledger.platformOwner')
  if (owner.type === 'psp')
    return owner.id === 'stripe' ? t('admin.finance.ledger.stripe') : label('ownerTypes', 'psp')
  if (owner.type === 'company') return company.data?.name ?? label('ownerTypes', 'company')
  if (owner.type === 'recruiter') return recruiter.data?.display_name ?? label('ownerTypes', 'recruiter')
  return label('ownerTypes', owner.type)
}

export function AccountOwner({
  owner,
  ...props
}: { owner: { type: string; id: string | null } } & TextProps) {
  return (
    <Text size="sm" {...props}>
      {useOwnerName(owner)}
    </Text>
  )
}
