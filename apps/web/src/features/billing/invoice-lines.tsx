import { Anchor, Divider, Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Amount } from './amount'
import type { Invoice } from './billing-api'

/** What the invoice charges for, one line per placement, and the total they add up to. */
export function InvoiceLines({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation()
  return (
    <Stack
      gap="sm"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('splits.invoice.lines')}
    >
      {invoice.lines.map((line) => (
        <Group key={line.id} component="li" justify="space-between" align="flex-start" wrap="nowrap" gap="md">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
              {line.description}
            </Text>
            <Anchor component={Link} to={`/splits/placements/${line.placement_id}`} size="xs">
              {t('splits.invoice.viewPlacement')}
            </Anchor>
          </Stack>
          <Amount value={line.amount} fw={500} />
        </Group>
      ))}
      <Divider component="li" />
      <Group component="li" justify="space-between" wrap="nowrap">
        <Text size="sm" fw={700}>
          {t('splits.invoice.total')}
        </Text>
        <Amount value={invoice.total} fw={700} />
      </Group>
    </Stack>
  )
}
