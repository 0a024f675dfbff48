import { Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { LinkedRow, RowLink } from '../../components/linked-row'
import { RowCard, RowCards } from '../../components/row-card'
import { useIsPhone } from '../../components/use-is-phone'
import { formatDate } from '../../lib/format'
import { Amount } from './amount'
import type { InvoiceSummary } from './billing-api'
import { daysBetween, localToday } from './due-date'
import { InvoiceStatusBadge } from './invoice-status-badge'

interface InvoicesTableProps {
  invoices: InvoiceSummary[]
  /** Where a row leads (the company's or the admin's invoice page). */
  linkTo: (id: string) => string
  /** The company column, for platform admins who see every company's. */
  showCompany?: boolean
}

/** Invoices with their status, due date and what is still owed; cards on a phone. */
export function InvoicesTable({ invoices, linkTo, showCompany = false }: InvoicesTableProps) {
  const { t, i18n } = useTranslation()
  const phone = useIsPhone()
  const lang = i18n.language
  const title = (i: InvoiceSummary) => i.number ?? t('splits.invoice.draftTitle')
  const due = (i: InvoiceSummary) => {
    if (!i.due_on) return '—'
    const date = formatDate(i.due_on, lang)
    if (i.status !== 'overdue') return date
    return `${date} · ${t('splits.invoice.lateBy', { count: daysBetween(i.due_on, localToday()) })}`
  }

  if (phone)
    return (
      <RowCards label={t('splits.invoices.listLabel')}>
        {invoices.map((i) => (
          <RowCard
            key={i.id}
            to={linkTo(i.id)}
            title={title(i)}
            subtitle={showCompany ? i.company.name : undefined}
            badges={<InvoiceStatusBadge status={i.status} size="sm" />}
            fields={[
              {
                label: t('splits.invoice.outstanding'),
                value: <Amount value={i.outstanding} fw={600} span />,
              },
              { label: t('splits.invoice.total'), value: <Amount value={i.total} span /> },
              { label: t('splits.invoice.due'), value: due(i) },
              { label: t('splits.invoice.issued'), value: i.issued_on ? formatDate(i.issued_on, lang) : '—' },
            ]}
          />
        ))}
      </RowCards>
    )

  return (
    <Table.ScrollContainer minWidth={showCompany ? 860 : 720}>
      <Table aria-label={t('splits.invoices.listLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('splits.invoice.number')}</Table.Th>
            {showCompany && <Table.Th>{t('splits.invoice.company')}</Table.Th>}
            <Table.Th>{t('splits.invoice.status')}</Table.Th>
            <Table.Th>{t('splits.invoice.issued')}</Table.Th>
            <Table.Th>{t('splits.invoice.due')}</Table.Th>
            <Table.Th ta="end">{t('splits.invoice.total')}</Table.Th>
            <Table.Th ta="end">{t('splits.invoice.outstanding')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {invoices.map((i) => (
            <LinkedRow key={i.id} to={linkTo(i.id)}>
              <Table.Td>
                <Stack gap={0}>
                  <RowLink to={linkTo(i.id)}>{title(i)}</RowLink>
                  <Text size="xs" c="dimmed">
                    {t('splits.invoices.lineCount', { count: i.lines })}
                  </Text>
                </Stack>
              </Table.Td>
              {showCompany && (
                <Table.Td>
                  <Text size="sm">{i.company.name}</Text>
                </Table.Td>
              )}
              <Table.Td>
                <InvoiceStatusBadge status={i.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{i.issued_on ? formatDate(i.issued_on, lang) : '—'}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={i.status === 'overdue' ? 'red' : undefined}>
                  {due(i)}
                </Text>
              </Table.Td>
              <Table.Td ta="end">
                <Amount value={i.total} />
              </Table.Td>
              <Table.Td ta="end">
                <Amount
                  value={i.outstanding}
                  fw={600}
                  c={i.outstanding.amount === '0' ? 'dimmed' : undefined}
                />
              </Table.Td>
            </LinkedRow>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
