import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../api/client'
import type { ResponseBody } from '../../api/types'
import { unwrap } from '../../api/use-api'
import { usePageTitle } from '../../app/use-page-title'
import { EmptyState } from '../../components/empty-state'
import { ErrorAlert } from '../../components/error-alert'
import { LoadMore } from '../../components/load-more'
import { LoadingState } from '../../components/loading-state'
import { LtrText } from '../../components/ltr-text'
import { PageHeader } from '../../components/page-header'

type User = ResponseBody<'/api/ofair/admin/users', 'get'>['data'][number]
type Action = 'suspend' | 'reactivate' | 'verify' | 'unverify' | 'contacts'
const dateFormat = new Intl.DateTimeFormat('he-IL', { dateStyle: 'short', timeZone: 'Asia/Jerusalem' })

/** /ofair/admin/users: OFAIR's people; verify professionals, suspend and reactivate, see contacts — each with a reason. */
export function AdminUsersPage() {
  const { t } = useTranslation()
  usePageTitle(t('ofairAdmin.users.title'))
  const [q, setQ] = useState('')
  const [debounced] = useDebouncedValue(q.trim(), 300)
  const [role, setRole] = useState<string | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const [acting, setActing] = useState<{ user: User; action: Action } | null>(null)
  const query = {
    ...(debounced ? { q: debounced } : {}),
    ...(role ? { role: role as 'consumer' | 'professional' | 'ofair_admin' } : {}),
    ...(status ? { status: status as 'active' | 'suspended' } : {}),
  }
  const users = useInfiniteQuery({
    queryKey: ['ofair', 'admin', 'users', query],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ signal, pageParam }) =>
      unwrap(
        api.GET('/api/ofair/admin/users', {
          params: { query: { limit: 50, ...query, ...(pageParam ? { starting_after: pageParam } : {}) } },
          signal,
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  })
  const rows = users.data?.pages.flatMap((p) => p.data) ?? []
  return (
    <>
      <PageHeader title={t('ofairAdmin.users.title')} description={t('ofairAdmin.users.description')} />
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label={t('ofairAdmin.users.search')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            data-testid="user-search"
          />
          <Select
            label={t('ofairAdmin.users.role')}
            clearable
            value={role}
            onChange={setRole}
            data={(['consumer', 'professional', 'ofair_admin'] as const).map((r) => ({
              value: r,
              label: t(`ofairAdmin.users.roles.${r}`),
            }))}
          />
          <Select
            label={t('ofairAdmin.users.status')}
            clearable
            value={status}
            onChange={setStatus}
            data={[
              { value: 'active', label: t('ofairAdmin.users.active') },
              { value: 'suspended', label: t('ofairAdmin.users.suspended') },
            ]}
          />
        </SimpleGrid>
        {users.isPending ? (
          <LoadingState />
        ) : users.isError ? (
          <ErrorAlert error={users.error} />
        ) : rows.length === 0 ? (
          <EmptyState title={t('ofairAdmin.users.none')} />
        ) : (
          <>
            {rows.map((u) => (
              <Card key={u.id} withBorder radius="md" padding="sm" data-testid="admin-user">
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Stack gap={2} style={{ minWidth: 0, flex: '1 1 220px' }}>
                    <Group gap={6}>
                      <Text fw={600}>{u.display_name}</Text>
                      <Badge color={u.status === 'active' ? 'teal' : 'red'} variant="light">
                        {t(`ofairAdmin.users.${u.status}`)}
                      </Badge>
                      {u.roles.map((r) => (
                        <Badge key={r} variant="outline" color="gray">
                          {t(`ofairAdmin.users.roles.${r}` as 'ofairAdmin.users.roles.consumer')}
                        </Badge>
                      ))}
                      {u.professional && (
                        <Badge
                          color={u.professional.status === 'verified' ? 'blue' : 'yellow'}
                          variant="light"
                        >
                          {t(
                            `ofairAdmin.users.pro.${u.professional.status}` as 'ofairAdmin.users.pro.verified',
                          )}
                        </Badge>
                      )}
                    </Group>
                    <Text size="sm" c="dimmed">
                      {u.professional?.profession ? `${u.professional.profession} · ` : ''}
                      <LtrText>{u.phone_masked ?? u.email_masked ?? ''}</LtrText>
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('ofairAdmin.users.joined')} {dateFormat.format(new Date(u.created_at))}
                      {u.last_sign_in_at
                        ? ` · ${t('ofairAdmin.users.lastSignIn')} ${dateFormat.format(new Date(u.last_sign_in_at))}`
                        : ''}
                    </Text>
                    {u.suspended_reason && (
                      <Text size="xs" c="red">
                        {t('ofairAdmin.users.suspendedBecause', { reason: u.suspended_reason })}
                      </Text>
                    )}
                  </Stack>
                  <Group gap={6}>
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => setActing({ user: u, action: 'contacts' })}
                    >
                      {t('ofairAdmin.users.contacts')}
                    </Button>
                    {u.professional &&
                      (u.professional.status === 'verified' ? (
                        <Button
                          size="xs"
                          variant="light"
                          color="yellow"
                          onClick={() => setActing({ user: u, action: 'unverify' })}
                        >
                          {t('ofairAdmin.users.unverify')}
                        </Button>
                      ) : (
                        <Button
                          size="xs"
                          variant="light"
                          onClick={() => setActing({ user: u, action: 'verify' })}
                        >
                          {t('ofairAdmin.users.verify')}
                        </Button>
                      ))}
                    {!u.roles.includes('ofair_admin') &&
                      (u.status === 'active' ? (
                        <Button
                          size="xs"
                          color="red"
                          variant="light"
                          onClick={() => setActing({ user: u, action: 'suspend' })}
                        >
                          {t('ofairAdmin.users.suspend')}
                        </Button>
                      ) : (
                        <Button
                          size="xs"
                          color="teal"
                          variant="light"
                          onClick={() => setActing({ user: u, action: 'reactivate' })}
                        >
                          {t('ofairAdmin.users.reactivate')}
                        </Button>
                      ))}
                  </Group>
                </Group>
              </Card>
            ))}
            <LoadMore
              shown={t('ofairAdmin.users.count', { count: rows.length })}
              hasMore={users.hasNextPage}
              loading={users.isFetchingNextPage}
              onLoadMore={() => users.fetchNextPage()}
            />
          </>
        )}
      </Stack>
      {acting && (
        <ActionModal key={`${acting.user.id}-${acting.action}`} {...acting} onClose={() => setActing(null)} />
      )}
    </>
  )
}

function ActionModal({ user, action, onClose }: { user: User; action: Action; onClose: () => void }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [reason, setReason] = useState('')
  const run = useMutation({
    mutationFn: async () => {
      const body = { reason: reason.trim() }
      const path = { id: user.id }
      if (action === 'contacts')
        return unwrap(api.POST('/api/ofair/admin/users/{id}/contacts', { params: { path }, body }))
      if (action === 'suspend')
        return unwrap(api.POST('/api/ofair/admin/users/{id}/suspend', { params: { path }, body }))
      if (action === 'reactivate')
        return unwrap(api.POST('/api/ofair/admin/users/{id}/reactivate', { params: { path }, body }))
      return unwrap(
        api.POST('/api/ofair/professionals/{id}/verify', {
          params: { path: { id: user.professional!.id } },
          body: { decision: action === 'verify' ? 'verified' : 'rejected', note: body.reason },
        }),
      )
    },
    onSuccess: () => {
      if (action !== 'contacts') {
        onClose()
        return queryClient.invalidateQueries({ queryKey: ['ofair', 'admin'] })
      }
    },
  })
  const contacts = action === 'contacts' && run.data && 'phone' in run.data ? run.data : null
  return (
    <Modal opened onClose={onClose} title={t(`ofairAdmin.users.${action}Title`, { name: user.display_name })}>
      <Stack>
        {contacts ? (
          <Stack gap={4} data-testid="user-contacts">
            <LtrText>{contacts.phone ?? '—'}</LtrText>
            <LtrText>{contacts.email ?? '—'}</LtrText>
          </Stack>
        ) : (
          <>
            <Textarea
              label={t('ofairAdmin.users.reason')}
              required
              minRows={2}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            {run.isError && <ErrorAlert error={run.error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('ofair.common.cancel')}
              </Button>
              <Button
                color={action === 'suspend' ? 'red' : undefined}
                disabled={reason.trim().length < 3}
                loading={run.isPending}
                onClick={() => run.mutate()}
              >
                {t('ofairAdmin.users.confirm')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  )
}
