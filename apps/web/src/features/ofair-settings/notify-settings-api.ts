import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from '../../api/client'
import type { paths } from '../../api/schema'
import type { ResponseBody } from '../../api/types'
import { unwrap } from '../../api/use-api'

export type NotifyPreference = ResponseBody<'/api/notifications/preferences', 'get'>['data'][number]
export type NotifySettings = ResponseBody<'/api/notifications/settings', 'get'>
export type SettingsInput =
  paths['/api/notifications/settings']['put']['requestBody']['content']['application/json']
export type Delivery = ResponseBody<'/api/admin/notifications/deliveries', 'get'>['data'][number]
export const NOTIFY_CHANNELS = ['in_app', 'email', 'sms', 'whatsapp', 'push'] as const
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number]

const keys = {
  preferences: ['notifications', 'preferences'] as const,
  settings: ['notifications', 'settings'] as const,
  deliveries: (f: object) => ['notifications', 'deliveries', f] as const,
}

export const useNotifyPreferences = () =>
  useQuery({
    queryKey: keys.preferences,
    queryFn: ({ signal }) => unwrap(api.GET('/api/notifications/preferences', { signal })),
  })

export const useNotifySettings = () =>
  useQuery({
    queryKey: keys.settings,
    queryFn: ({ signal }) => unwrap(api.GET('/api/notifications/settings', { signal })),
  })

export function useSaveNotify() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (v: { preferences: NotifyPreference[]; settings: SettingsInput }) => {
      const prefs = await unwrap(
        api.PUT('/api/notifications/preferences', {
          body: {
            preferences: v.preferences.map((p) => ({
              event_type: p.event_type,
              channels: Object.fromEntries(NOTIFY_CHANNELS.map((c) => [c, p[c]])),
            })),
          },
        }),
      )
      const settings = await unwrap(api.PUT('/api/notifications/settings', { body: v.settings }))
      return { prefs, settings }
    },
    onSuccess: ({ prefs, settings }) => {
      queryClient.setQueryData(keys.preferences, prefs)
      queryClient.setQueryData(keys.settings, settings)
    },
  })
}

const b64ToBytes = (b64: string) => {
  const s = atob((b64 + '='.repeat((4 - (b64.length % 4)) % 4)).replace(/-/g, '+').replace(/_/g, '/'))
  return Uint8Array.from(s, (c) => c.charCodeAt(0))
}

/** Asks the browser for permission, subscribes with our VAPID key and stores the subscription. */
export async function enablePushOnThisDevice(
  publicKey: string,
): Promise<'enabled' | 'denied' | 'unsupported'> {
  if (!('serviceWorker' in navigator) || !('PushManager' in window)) return 'unsupported'
  const permission = await Notification.requestPermission()
  if (permission !== 'granted') return 'denied'
  const registration =
    (await navigator.serviceWorker.getRegistration('/ofair/')) ??
    (await navigator.serviceWorker.register('/ofair-sw.js', { scope: '/ofair/' }))
  await navigator.serviceWorker.ready
  const subscription = await registration.pushManager.subscribe({
    userVisibleOnly: true,
    applicationServerKey: b64ToBytes(publicKey),
  })
  const json = subscription.toJSON() as { endpoint: string; keys: { p256dh: string; auth: string } }
  await unwrap(
    api.POST('/api/notifications/push/subscriptions', {
      body: { endpoint: json.endpoint, keys: { p256dh: json.keys.p256dh, auth: json.keys.auth } },
    }),
  )
  return 'enabled'
}

export const useDeliveries = (f: { status?: Delivery['status']; channel?: Delivery['channel'] }) =>
  useQuery({
    queryKey: keys.deliveries(f),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/admin/notifications/deliveries', {
          params: { query: { kind_prefix: 'ofair_', limit: 100, ...f } },
          signal,
        }),
      ),
  })
