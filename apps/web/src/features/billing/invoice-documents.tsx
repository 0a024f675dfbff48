import { Button } from '@mantine/core'
import { IconDownload, IconFileText } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { type Invoice, invoiceDocumentUrl, invoicePdfUrl } from './billing-api'

/** The invoice as a PDF to keep (printed by the server) and as the HTML document it prints from. */
export function InvoiceDocuments({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation()
  return (
    <>
      <Button
        component="a"
        href={invoicePdfUrl(invoice.id)}
        download={`invoice-${invoice.number ?? invoice.id}.pdf`}
        leftSection={<IconDownload size={16} />}
      >
        {t('splits.invoice.downloadPdf')}
      </Button>
      <Button
        component="a"
        href={invoiceDocumentUrl(invoice.id)}
        target="_blank"
        rel="noopener"
        variant="default"
        leftSection={<IconFileText size={16} />}
      >
        {t('splits.invoice.openDocument')}
      </Button>
    </>
  )
}
