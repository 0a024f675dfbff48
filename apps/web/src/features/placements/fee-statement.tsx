import { formatBps } from '@app/money'
import { Alert, Group, Paper, Progress, Stack, Table, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useIsPhone } from '../../components/use-is-phone'
import { formatMoneyValue, sumMinor } from '../../lib/money'
import { Amount } from '../billing/amount'
import type { Statement, StatementLine } from '../billing/billing-api'
import { useVocab } from '../reference/use-vocab'
import type { Placement } from './placements-api'

interface Party {
  key: string
  name: string
  you: boolean
  lines: StatementLine[]
  collected: string
}

/**
 * Who gets what of the fee, line by line as the server's statement has it (the lines always add
 * up to the fee), and what each party has collected so far from the company's payments.
 */
export function FeeStatement({
  statement: s,
  placement: p,
  myRecruiterId,
}: {
  statement: Statement
  placement: Placement
  myRecruiterId?: string | undefined
}) {
  const { t, i18n } = useTranslation()
  const { label } = useVocab()
  const phone = useIsPhone()
  const lang = i18n.language
  const currency = s.fee.currency
  const money = (amount: string | bigint) => ({ amount: String(amount), currency })
  const names = new Map(p.splits.map((x) => [x.recruiter_id, x.recruiter_name]))
  const partyKey = (type: string, id: string | null) => `${type}:${id ?? ''}`
  const parties: Party[] = []
  for (const line of s.lines) {
    const key = partyKey(line.party_type, line.party_id)
    let party = parties.find((x) => x.key === key)
    if (!party) {
      party = {
        key,
        name:
          line.party_type === 'platform'
            ? t('splits.statement.platform')
            : (names.get(line.party_id ?? '') ?? t('splits.statement.recruiter')),
        you: line.party_id !== null && line.party_id === myRecruiterId,
        lines: [],
        collected: s.collected.find((c) => partyKey(c.party_type, c.party_id) === key)?.amount ?? '0',
      }
      parties.push(party)
    }
    party.lines.push(line)
  }
  const total = sumMinor(s.lines.map((l) => l.amount))
  const collected = sumMinor(s.collected.map((c) => c.amount))
  const addsUp = total === BigInt(s.fee.amount)
  const share = (l: StatementLine) => formatBps(l.share_bps)
  const role = (l: StatementLine) => (l.fee_role ? label('feeRoles', l.fee_role) : '—')
  const partyName = (party: Party) => (
    <Text size="sm" fw={600}>
      {party.name}
      {party.you && (
        <Text span c="dimmed" size="xs" ms={6}>
          {t('splits.split.you')}
        </Text>
      )}
    </Text>
  )
  const progress = (party: Party) => {
    const due = sumMinor(party.lines.map((l) => l.amount))
    // A share of a bar is a picture, not money: its width may be a float.
    const percent = due > 0n ? Number((BigInt(party.collected) * 1000n) / due) / 10 : 0
    return <Progress value={Math.min(100, Math.max(0, percent))} size="xs" color="teal" aria-hidden />
  }

  const mismatch = !addsUp && (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
      {t('splits.statement.doesNotAddUp', {
        lines: formatMoneyValue(money(total), lang),
        fee: formatMoneyValue(s.fee, lang),
      })}
    </Alert>
  )

  if (phone)
    return (
      <Stack gap="xs">
        {mismatch}
        <Stack
          component="ul"
          gap="xs"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('splits.statement.title')}
        >
          {parties.map((party) => (
            <Paper key={party.key} component="li" withBorder p="sm" radius="md" aria-label={party.name}>
              {partyName(party)}
              <Stack gap={6} mt={6}>
                {party.lines.map((l) => (
                  <Group
                    key={`${l.basis}:${l.fee_role}`}
                    justify="space-between"
                    wrap="nowrap"
                    align="flex-start"
                  >
                    <Stack gap={0} style={{ minWidth: 0 }}>
                      <Text size="sm">{label('lineBasis', l.basis)}</Text>
                      <Text size="xs" c="dimmed">
                        {[l.fee_role ? role(l) : null, share(l)].filter(Boolean).join(' · ')}
                      </Text>
                    </Stack>
                    <Amount value={money(l.amount)} fw={500} />
                  </Group>
                ))}
                <Group justify="space-between" wrap="nowrap">
                  <Text size="xs" c="dimmed">
                    {t('splits.statement.collected')}
                  </Text>
                  <Amount value={money(party.collected)} size="xs" fw={600} />
                </Group>
                {progress(party)}
              </Stack>
            </Paper>
          ))}
          <Group component="li" justify="space-between" px="sm">
            <Text size="sm" fw={700}>
              {t('splits.statement.total')}
            </Text>
            <Amount value={money(total)} fw={700} />
          </Group>
        </Stack>
      </Stack>
    )

  return (
    <Stack gap="xs">
      {mismatch}
      <Table.ScrollContainer minWidth={760}>
        <Table aria-label={t('splits.statement.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('splits.statement.party')}</Table.Th>
              <Table.Th>{t('splits.split.feeRole')}</Table.Th>
              <Table.Th>{t('splits.statement.basis')}</Table.Th>
              <Table.Th ta="end">{t('splits.split.share')}</Table.Th>
              <Table.Th ta="end">{t('splits.split.amount')}</Table.Th>
              <Table.Th ta="end">{t('splits.statement.collected')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {parties.flatMap((party) =>
              party.lines.map((l, index) => (
                <Table.Tr key={`${party.key}:${l.basis}:${l.fee_role}`}>
                  {index === 0 && <Table.Td rowSpan={party.lines.length}>{partyName(party)}</Table.Td>}
                  <Table.Td>
                    <Text size="sm">{role(l)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{label('lineBasis', l.basis)}</Text>
                  </Table.Td>
                  <Table.Td ta="end">
                    <Text size="sm">{share(l)}</Text>
                  </Table.Td>
                  <Table.Td ta="end">
                    <Amount value={money(l.amount)} fw={500} />
                  </Table.Td>
                  {index === 0 && (
                    <Table.Td
                      ta="end"
                      rowSpan={party.lines.length}
                      aria-label={t('splits.statement.collectedBy', { name: party.name })}
                    >
                      <Stack gap={4} align="flex-end">
                        <Amount value={money(party.collected)} fw={600} />
                        <div style={{ width: 96 }}>{progress(party)}</div>
                      </Stack>
                    </Table.Td>
                  )}
                </Table.Tr>
              )),
            )}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th colSpan={4}>{t('splits.statement.total')}</Table.Th>
              <Table.Th ta="end">
                <Amount value={money(total)} fw={700} />
              </Table.Th>
              <Table.Th ta="end">
                <Amount value={money(collected)} fw={700} />
              </Table.Th>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  )
}
