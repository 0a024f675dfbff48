import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { notifications } from '@mantine/notifications'
import { IconCheck, IconPencil, IconUserOff } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { errorMessage, isNotFound } from '../../api/client'
import { usePageTitle } from '../../app/use-page-title'
import { LoadingState } from '../../components/loading-state'
import { NotFoundState } from '../../components/not-found-state'
import { PageHeader } from '../../components/page-header'
import { QueryError } from '../../components/query-error'
import { SectionCard } from '../../components/section-card'
import { formatDate } from '../../lib/format'
import { useViewer } from '../auth/use-viewer'
import { useStatement } from '../billing/billing-api'
import { useRefetchWhile } from '../billing/use-refetch-while'
import { useMyCompanies } from '../company/company-api'
import { useMyRecruiter } from '../recruiters/recruiters-api'
import { VocabBadge } from '../reference/vocab-badge'
import { FallOffModal } from './fall-off-modal'
import { FeeFacts } from './fee-facts'
import { FeeStatement } from './fee-statement'
import { PlacementInvoiceLink } from './placement-invoice-link'
import { useAgreeSplit, usePlacement } from './placements-api'
import { SplitEditor } from './split-editor'
import { SplitsTable } from './splits-table'
import { statementMatchesSplits, statementView } from './statement-facts'

/** One placement: the fee and its inputs, the split agreement, and the fall-off record. */
export function PlacementDetailPage() {
  const { t, i18n } = useTranslation()
  const id = useParams().id ?? ''
  const viewer = useViewer()
  const placement = usePlacement(id)
  const me = useMyRecruiter(viewer.recruiter)
  const { companies } = useMyCompanies()
  const agree = useAgreeSplit(id)
  const [editing, editor] = useDisclosure(false)
  const [fallingOff, fallOffModal] = useDisclosure(false)
  const p = placement.data
  usePageTitle(p ? p.candidate_name : t('splits.placement.title'))
  const mine = p?.splits.find((s) => s.recruiter_id === me.data?.id)
  const onSplit = mine !== undefined
  const companyAdmin =
    viewer.admin || (p !== undefined && companies.some((c) => c.id === p.company.id && c.isAdmin))
  const active = p?.status === 'active'
  const statement = useStatement(id, Boolean(p))
  const s = statement.data ?? undefined
  // An agreed split whose statement is not re-divided yet: the background step is on its way.
  const awaitingStatement =
    p !== undefined &&
    s !== undefined &&
    p.split_status === 'agreed' &&
    !statementMatchesSplits(statementView(s), p.splits)
  // After a fall-off the money comes back (credit at once, refunds once sent): follow it for a while.
  const awaitingMoneyBack =
    p?.status === 'fell_off' && s !== undefined && s.collected.some((c) => c.amount !== '0')
  useRefetchWhile(awaitingStatement || awaitingMoneyBack, () => statement.refetch())

  if (isNotFound(placement.error)) return <NotFoundState error={placement.error} />
  return (
    <>
      <PageHeader
        title={
          <Group gap="sm" component="span">
            {p?.candidate_name ?? t('splits.placement.title')}
            {p && <VocabBadge kind="placementStatuses" code={p.status} size="lg" />}
          </Group>
        }
        description={
          p && (
            <>
              <Anchor component={Link} to={`/splits/roles/${p.role.id}`} inherit>
                {p.role.title}
              </Anchor>
              {` · ${p.company.name}`}
            </>
          )
        }
        actions={
          p &&
          companyAdmin &&
          active && (
            <Button
              color="red"
              variant="light"
              leftSection={<IconUserOff size={16} />}
              onClick={fallOffModal.open}
            >
              {t('splits.fallOff.action')}
            </Button>
          )
        }
      />
      {placement.isPending && <LoadingState />}
      {placement.isError && (
        <QueryError
          error={placement.error}
          signInTitle={t('splits.placements.signInRequired')}
          onRetry={() => placement.refetch()}
        />
      )}
      {p && (
        <Stack gap="xl">
          {p.status === 'fell_off' && (
            <Alert
              color="red"
              variant="light"
              icon={<IconUserOff size={18} />}
              title={t('splits.placement.fellOff')}
            >
              {t('splits.placement.fellOffBody', {
                date: p.fell_off_on ? formatDate(p.fell_off_on, i18n.language) : '—',
                reason: p.fall_off_reason ?? '—',
              })}
            </Alert>
          )}
          <SectionCard
            title={t('splits.placement.feeTitle')}
            actions={companyAdmin && <PlacementInvoiceLink placementId={p.id} admin={viewer.admin} />}
          >
            <FeeFacts placement={p} statement={s} />
          </SectionCard>
          <SectionCard title={t('splits.statement.title')}>
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                {t('splits.statement.description')}
              </Text>
              {s ? (
                <FeeStatement statement={s} placement={p} myRecruiterId={me.data?.id} />
              ) : statement.isError ? (
                <QueryError
                  error={statement.error}
                  signInTitle={t('splits.placements.signInRequired')}
                  onRetry={() => statement.refetch()}
                />
              ) : (
                <Text size="sm" c="dimmed" role="status">
                  {t('splits.statement.preparing')}
                </Text>
              )}
            </Stack>
          </SectionCard>
          <SectionCard
            title={t('splits.placement.splitTitle')}
            actions={<VocabBadge kind="splitStatuses" code={p.split_status} />}
          >
            <Stack>
              <SplitsTable placement={p} myRecruiterId={me.data?.id} statement={s} />
              {editing ? (
                <SplitEditor placement={p} onDone={editor.close} />
              ) : (
                onSplit &&
                active && (
                  <Group justify="space-between">
                    <Text size="sm" c="dimmed">
                      {p.split_status === 'agreed'
                        ? t('splits.placement.allAgreed')
                        : mine?.agreed_at
                          ? t('splits.placement.youAgreed')
                          : t('splits.placement.yourTurn')}
                    </Text>
                    <Group gap="xs">
                      <Button variant="default" leftSection={<IconPencil size={16} />} onClick={editor.open}>
                        {t('splits.placement.proposeSplit')}
                      </Button>
                      {!mine?.agreed_at && (
                        <Button
                          color="teal"
                          leftSection={<IconCheck size={16} />}
                          loading={agree.isPending}
                          onClick={() =>
                            agree.mutate(undefined, {
                              onSuccess: () =>
                                notifications.show({ color: 'teal', message: t('splits.placement.agreed') }),
                              onError: (err) =>
                                notifications.show({ color: 'red', message: errorMessage(err, t) }),
                            })
                          }
                        >
                          {t('splits.placement.agree')}
                        </Button>
                      )}
                    </Group>
                  </Group>
                )
              )}
            </Stack>
          </SectionCard>
          <FallOffModal placement={p} opened={fallingOff} onClose={fallOffModal.close} />
        </Stack>
      )}
    </>
  )
}
