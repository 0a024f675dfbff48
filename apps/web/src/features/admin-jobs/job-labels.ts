import type { ParseKeys } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { JobsOverview } from './jobs-api'

/** pg-boss names dead-letter queues after their job, with this suffix. */
const DEAD_SUFFIX = '.dead'

/** Words for the jobs we run (their names are technical ids, kept only as small print). */
const KNOWN: Record<string, ParseKeys> = {
  'platform.verify_audit_chain': 'admin.jobs.names.verifyAuditChain',
  'platform.purge_outbox': 'admin.jobs.names.purgeOutbox',
  'notifications.on_marketplace_event': 'admin.jobs.names.marketplaceEvent',
  'notifications.send_email': 'admin.jobs.names.sendEmail',
  '__pgboss__send-it': 'admin.jobs.names.scheduler',
}

/** A job's description without Markdown code marks ("`older_than_days`" → "older_than_days"). */
export function plainDescription(description: string): string {
  return description.replaceAll('`', '')
}

/** Human names for jobs and queues: the known ones in words, others by their catalog description. */
export function useJobLabels(catalog: JobsOverview['catalog']) {
  const { t } = useTranslation()
  const jobLabel = (name: string): string => {
    const key = KNOWN[name]
    if (key) return t(key)
    const described = catalog.find((job) => job.name === name)?.description
    return described ? plainDescription(described) : name
  }
  const queueLabel = (queue: string): string =>
    queue.endsWith(DEAD_SUFFIX)
      ? t('admin.jobs.names.deadQueue', { job: jobLabel(queue.slice(0, -DEAD_SUFFIX.length)) })
      : jobLabel(queue)
  /** "30 1 * * *" → "Every day at 01:30 (UTC)"; other patterns stay as written. */
  const scheduleLabel = (cron: string): string => {
    const daily = /^(\d{1,2}) (\d{1,2}) \* \* \*$/.exec(cron.trim())
    if (daily) {
      const time = `${daily[2]!.padStart(2, '0')}:${daily[1]!.padStart(2, '0')}`
      return t('admin.jobs.catalog.daily', { time })
    }
    const hourly = /^(\d{1,2}) \* \* \* \*$/.exec(cron.trim())
    if (hourly) return t('admin.jobs.catalog.hourly', { minute: hourly[1]!.padStart(2, '0') })
    return t('admin.jobs.catalog.cron', { cron })
  }
  return { jobLabel, queueLabel, scheduleLabel }
}
