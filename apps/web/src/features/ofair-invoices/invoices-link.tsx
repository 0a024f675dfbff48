import { Button } from '@mantine/core'
import { IconInvoice } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

/** From the wallet to the monthly invoices and statements (with their PDFs). */
export function InvoicesLink() {
  const { t } = useTranslation()
  return (
    <Button component={Link} to="/ofair/invoices" variant="light" leftSection={<IconInvoice size={16} />}>
      {t('ofair.invoices.title')}
    </Button>
  )
}
