import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Progress,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { usePageTitle } from '../../app/use-page-title'
import { EmptyState } from '../../components/empty-state'
import { ErrorAlert } from '../../components/error-alert'
import { LoadingState } from '../../components/loading-state'
import { PageHeader } from '../../components/page-header'
import { DocumentCard } from './document-card'
import {
  formatMonth,
  type InvoiceDocument,
  type InvoiceRun,
  useAdminInvoices,
  useCreditNote,
  useEnterAllocation,
  useInvoiceRuns,
  useStartRun,
} from './invoices-api'

const RUN_COLOR = { running: 'blue', completed: 'green', failed: 'red' } as const

/** The months before this one (Asia/Jerusalem), newest first: "YYYY-MM" with its Hebrew name. */
function recentMonths(count = 24): { value: string; label: string }[] {
  const now = new Date(new Date().toLocaleString('en-US', { timeZone: 'Asia/Jerusalem' }))
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(now.getFullYear(), now.getMonth() - 1 - i, 1)
    const value = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`
    return { value, label: formatMonth(value) }
  })
}

const lastMonth = () => recentMonths(1)[0]!.value

/** The admin's monthly runs: start one, follow it, then the month's documents (allocation numbers, credit notes). */
export function OfairAdminInvoicesPage() {
  const { t } = useTranslation()
  usePageTitle(t('ofair.invoices.admin.title'))
  const [month, setMonth] = useState(lastMonth)
  const runs = useInvoiceRuns()
  const start = useStartRun()
  const run = runs.data?.data.find((r) => r.month === month)
  const docs = useAdminInvoices(month, `${run?.status}:${run?.professionals_done}`)
  const [allocating, setAllocating] = useState<InvoiceDocument | null>(null)
  const [crediting, setCrediting] = useState<InvoiceDocument | null>(null)
  return (
    <>
      <PageHeader
        title={t('ofair.invoices.admin.title')}
        description={t('ofair.invoices.admin.description')}
      />
      <Stack gap="lg">
        <Card withBorder radius="md">
          <Group align="flex-end" wrap="wrap">
            <Select
              label={t('ofair.invoices.admin.runMonth')}
              data={recentMonths()}
              value={month}
              onChange={(v) => v && setMonth(v)}
              allowDeselect={false}
              data-testid="run-month"
            />
            <Button loading={start.isPending} onClick={() => start.mutate(month)} data-testid="start-run">
              {t('ofair.invoices.admin.run')}
            </Button>
          </Group>
          {start.isError && <ErrorAlert error={start.error} />}
        </Card>

        <Stack gap="xs">
          <Title order={3}>{t('ofair.invoices.admin.runs')}</Title>
          {runs.isPending ? (
            <LoadingState />
          ) : runs.isError ? (
            <ErrorAlert error={runs.error} />
          ) : runs.data.data.length === 0 ? (
            <Text c="dimmed">{t('ofair.invoices.admin.noRuns')}</Text>
          ) : (
            runs.data.data.map((r) => (
              <RunCard key={r.id} run={r} onPick={() => setMonth(r.month)} picked={r.month === month} />
            ))
          )}
        </Stack>

        <Stack gap="xs">
          <Title order={3}>
            {t('ofair.invoices.admin.documents')} · {formatMonth(/^\d{4}-\d{2}$/.test(month) ? month : null)}
          </Title>
          {docs.isPending ? (
            <LoadingState />
          ) : docs.isError ? (
            <ErrorAlert error={docs.error} />
          ) : docs.data.data.length === 0 ? (
            <EmptyState title={t('ofair.invoices.admin.noDocuments')} />
          ) : (
            docs.data.data.map((d) => (
              <DocumentCard
                key={d.id}
                doc={d}
                showCustomer
                actions={
                  d.status === 'awaiting_allocation' ? (
                    <Button size="xs" color="orange" variant="light" onClick={() => setAllocating(d)}>
                      {t('ofair.invoices.admin.enterAllocation')}
                    </Button>
                  ) : d.document_type === 'tax_invoice' && d.status === 'issued' ? (
                    <Button size="xs" color="grape" variant="light" onClick={() => setCrediting(d)}>
                      {t('ofair.invoices.admin.creditNote')}
                    </Button>
                  ) : null
                }
              />
            ))
          )}
        </Stack>
      </Stack>
      <AllocationModal doc={allocating} onClose={() => setAllocating(null)} />
      <CreditModal doc={crediting} onClose={() => setCrediting(null)} />
    </>
  )
}

function RunCard({ run, onPick, picked }: { run: InvoiceRun; onPick: () => void; picked: boolean }) {
  const { t } = useTranslation()
  const pct = run.professionals_total
    ? (100 * run.professionals_done) / run.professionals_total
    : run.status === 'completed'
      ? 100
      : 0
  return (
    <Card
      withBorder
      radius="md"
      padding="sm"
      data-testid="invoice-run"
      data-status={run.status}
      style={{ cursor: 'pointer', borderColor: picked ? 'var(--mantine-color-teal-6)' : undefined }}
      onClick={onPick}
    >
      <Stack gap={6}>
        <Group justify="space-between">
          <Text fw={600}>{formatMonth(run.month)}</Text>
          <Badge color={RUN_COLOR[run.status]}>{t(`ofair.invoices.admin.runStatus.${run.status}`)}</Badge>
        </Group>
        <Progress value={pct} animated={run.status === 'running'} color={RUN_COLOR[run.status]} />
        <Text size="sm" c="dimmed">
          {t('ofair.invoices.admin.progress', {
            done: run.professionals_done,
            total: run.professionals_total,
          })}{' '}
          ·{' '}
          {t('ofair.invoices.admin.result', {
            invoices: run.invoices_issued,
            statements: run.statements_issued,
            awaiting: run.awaiting_allocation,
          })}
        </Text>
        {run.error && (
          <Alert color={run.status === 'failed' ? 'red' : 'yellow'} p="xs">
            <Text size="xs">{run.error}</Text>
          </Alert>
        )}
      </Stack>
    </Card>
  )
}

function AllocationModal({ doc, onClose }: { doc: InvoiceDocument | null; onClose: () => void }) {
  const { t } = useTranslation()
  const [value, setValue] = useState('')
  const enter = useEnterAllocation()
  return (
    <Modal opened={doc !== null} onClose={onClose} title={t('ofair.invoices.admin.enterAllocation')}>
      <Stack>
        <TextInput
          label={t('ofair.invoices.admin.allocationLabel')}
          description={t('ofair.invoices.admin.allocationHelp')}
          dir="ltr"
          inputMode="numeric"
          value={value}
          onChange={(e) => setValue(e.currentTarget.value.trim())}
        />
        {enter.isError && <ErrorAlert error={enter.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('ofair.invoices.admin.cancel')}
          </Button>
          <Button
            loading={enter.isPending}
            disabled={!/^\d{9,20}$/.test(value)}
            onClick={() =>
              doc &&
              enter.mutate(
                { id: doc.id, allocation_number: value },
                {
                  onSuccess: () => {
                    setValue('')
                    onClose()
                  },
                },
              )
            }
          >
            {t('ofair.invoices.admin.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

function CreditModal({ doc, onClose }: { doc: InvoiceDocument | null; onClose: () => void }) {
  const { t } = useTranslation()
  const [reason, setReason] = useState('')
  const [shekels, setShekels] = useState('')
  const credit = useCreditNote()
  const agorot = shekels.trim() ? String(Math.round(Number(shekels) * 100)) : undefined
  const valid =
    reason.trim().length >= 2 &&
    (!shekels.trim() || (Number(shekels) > 0 && Number.isFinite(Number(shekels))))
  return (
    <Modal
      opened={doc !== null}
      onClose={onClose}
      title={doc ? t('ofair.invoices.admin.creditTitle', { number: doc.number }) : ''}
    >
      <Stack>
        <Textarea
          label={t('ofair.invoices.admin.creditReason')}
          required
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <TextInput
          label={t('ofair.invoices.admin.creditAmount')}
          dir="ltr"
          inputMode="decimal"
          value={shekels}
          onChange={(e) => setShekels(e.currentTarget.value)}
        />
        {credit.isError && <ErrorAlert error={credit.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('ofair.invoices.admin.cancel')}
          </Button>
          <Button
            color="grape"
            loading={credit.isPending}
            disabled={!valid}
            onClick={() =>
              doc &&
              credit.mutate(
                { id: doc.id, reason: reason.trim(), ...(agorot ? { agorot } : {}) },
                {
                  onSuccess: () => {
                    setReason('')
                    setShekels('')
                    onClose()
                  },
                },
              )
            }
          >
            {t('ofair.invoices.admin.issueCredit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
