import { defineNoticeKinds } from '../notifications/index.ts'

/** Reminders sent by automation rules' actions. */
export const AUTOMATION_NOTICES = defineNoticeKinds('automation', {
  'automation.reminder': {
    label: 'Reminders from the platform’s automation rules',
    audience: ['recruiter', 'company_admin', 'hiring_manager'],
  },
})
