import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core'
import { IconDownload, IconEye } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { formatAgorot, formatDate, formatMonth, type InvoiceDocument } from './invoices-api'

const TYPE_COLOR = { tax_invoice: 'teal', credit_note: 'grape', settlement_statement: 'blue' } as const
const STATUS_COLOR = { awaiting_allocation: 'orange', issued: 'green', credited: 'gray' } as const

/** One document: type and number, month, amounts (VAT at its stored rate), the HTML and the PDF. */
export function DocumentCard({
  doc,
  actions,
  showCustomer,
  highlight,
}: {
  doc: InvoiceDocument
  actions?: ReactNode
  showCustomer?: boolean
  highlight?: boolean
}) {
  const { t } = useTranslation()
  const statement = doc.document_type === 'settlement_statement'
  const ready = doc.status !== 'awaiting_allocation'
  return (
    <Card
      withBorder
      radius="md"
      padding="sm"
      data-testid="invoice-document"
      data-type={doc.document_type}
      style={highlight ? { borderColor: 'var(--mantine-color-teal-6)', borderWidth: 2 } : undefined}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={2}>
            <Group gap={8}>
              <Badge color={TYPE_COLOR[doc.document_type]} variant="light">
                {t(`ofair.invoices.type.${doc.document_type}`)}
              </Badge>
              <Text fw={600}>
                {t('ofair.invoices.number')} <bdi dir="ltr">{doc.number}</bdi>
              </Text>
            </Group>
            <Text size="sm" c="dimmed">
              {showCustomer ? `${doc.customer_name} · ` : ''}
              {doc.month ? `${formatMonth(doc.month)} · ` : ''}
              {t('ofair.invoices.issued')} <bdi dir="ltr">{formatDate(doc.issue_date)}</bdi>
            </Text>
          </Stack>
          <Badge color={STATUS_COLOR[doc.status]}>{t(`ofair.invoices.status.${doc.status}`)}</Badge>
        </Group>
        {statement ? (
          <Text size="sm">
            {t('ofair.invoices.net')}: <bdi>{formatAgorot(doc.total.amount)}</bdi>
          </Text>
        ) : (
          <Group gap="lg" wrap="wrap">
            <Text size="sm">
              {t('ofair.invoices.beforeVat')}: <bdi>{formatAgorot(doc.amount_before_vat.amount)}</bdi>
            </Text>
            <Text size="sm">
              {t('ofair.invoices.vat', { rate: doc.vat_rate_percentage })}:{' '}
              <bdi>{formatAgorot(doc.vat.amount)}</bdi>
            </Text>
            <Text size="sm" fw={700}>
              {t('ofair.invoices.total')}: <bdi>{formatAgorot(doc.total.amount)}</bdi>
            </Text>
          </Group>
        )}
        {doc.allocation_number && (
          <Text size="xs" c="dimmed">
            {t('ofair.invoices.allocation', { number: '' })}
            <bdi dir="ltr">{doc.allocation_number}</bdi>
          </Text>
        )}
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text size="xs" c="dimmed">
            {doc.original_produced
              ? t('ofair.invoices.copies', { count: doc.copies_count })
              : t('ofair.invoices.originalPending')}
          </Text>
          <Group gap={6}>
            {actions}
            {ready && (
              <>
                <Button
                  size="xs"
                  variant="default"
                  component="a"
                  href={doc.html_url}
                  target="_blank"
                  rel="noopener"
                  leftSection={<IconEye size={14} />}
                >
                  {t('ofair.invoices.view')}
                </Button>
                <Button
                  size="xs"
                  component="a"
                  href={doc.pdf_url}
                  download
                  leftSection={<IconDownload size={14} />}
                  data-testid="invoice-pdf"
                >
                  {t('ofair.invoices.pdf')}
                </Button>
              </>
            )}
          </Group>
        </Group>
      </Stack>
    </Card>
  )
}
