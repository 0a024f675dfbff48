import { defineNoticeKinds } from '../../notifications/index.ts'

/** Professionals hear (in the app, by email and by text message) when OFAIR issues a document to them. */
export const OFAIR_INVOICE_NOTICES = defineNoticeKinds('ofair', {
  'ofair_invoice.issued': {
    label: 'חשבונית או דוח התחשבנות חדשים מ-OFAIR',
    audience: ['professional'],
    sms: true,
    defaults: { push: true },
    quietHours: true,
  },
})
