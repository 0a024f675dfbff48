import { Group, Paper, SimpleGrid, Stack, Text, ThemeIcon } from '@mantine/core'
import { IconBuildingBank, IconCoin, IconFileInvoice, IconLock } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Amount } from '../billing/amount'
import type { FinanceSummary } from './finance-api'

interface Kpi {
  key: string
  title: string
  help: string
  value: { amount: string; currency: string }
  icon: ReactNode
  color: string
}

/** The four balances a finance lead looks at first, straight from the ledger. */
export function KpiCards({ summary }: { summary: FinanceSummary }) {
  const { t } = useTranslation()
  const k = summary.totals
  const kpis: Kpi[] = [
    {
      key: 'revenue',
      title: t('admin.finance.kpi.revenue'),
      help: t('admin.finance.kpi.revenueHelp'),
      value: k.revenue,
      icon: <IconCoin size={18} />,
      color: 'violet',
    },
    {
      key: 'receivable',
      title: t('admin.finance.kpi.outstanding'),
      help: t('admin.finance.kpi.outstandingHelp'),
      value: k.invoiced_not_collected,
      icon: <IconFileInvoice size={18} />,
      color: 'blue',
    },
    {
      key: 'held',
      title: t('admin.finance.kpi.held'),
      help: t('admin.finance.kpi.heldHelp'),
      value: k.held_for_recruiters,
      icon: <IconLock size={18} />,
      color: 'teal',
    },
    {
      key: 'credit',
      title: t('admin.finance.kpi.credit'),
      help: t('admin.finance.kpi.creditHelp'),
      value: k.company_credit,
      icon: <IconBuildingBank size={18} />,
      color: 'orange',
    },
  ]
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
      {kpis.map((kpi) => (
        <Paper key={kpi.key} withBorder p="md" component="section" aria-label={kpi.title}>
          <Stack gap={6}>
            <Group gap="xs" wrap="nowrap">
              <ThemeIcon variant="light" color={kpi.color} size="md" radius="md">
                {kpi.icon}
              </ThemeIcon>
              <Text size="sm" c="dimmed" fw={500}>
                {kpi.title}
              </Text>
            </Group>
            <Amount value={kpi.value} fz={26} fw={700} lh={1.2} />
            <Text size="xs" c="dimmed">
              {kpi.help}
            </Text>
          </Stack>
        </Paper>
      ))}
    </SimpleGrid>
  )
}
