/** The event types people receive notifications about, with the label shown on the preferences page. */
export const NOTIFIABLE_EVENTS = {
  'application.submitted': 'A candidate is submitted to one of your company’s roles',
  'application.stage_changed': 'A candidate moves stage (or is withdrawn)',
  'placement.created': 'A placement is made',
} as const

export type NotifiableEvent = keyof typeof NOTIFIABLE_EVENTS
export const NOTIFIABLE_EVENT_TYPES = Object.keys(NOTIFIABLE_EVENTS) as NotifiableEvent[]
