import { Anchor } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { usePostingsAbout } from './finance-api'

/** "Ledger posting" for a payment: the posting that booked it (found by its business reference). */
export function PaymentPostingLink({ paymentId }: { paymentId: string }) {
  const { t } = useTranslation()
  const postings = usePostingsAbout('payment', paymentId)
  const first = postings.data?.data[0]
  if (!first) return null
  return (
    <Anchor component={Link} to={`/admin/finance/ledger/postings/${first.id}`} size="xs">
      {t('admin.finance.ledger.viewPosting')}
    </Anchor>
  )
}
