import client from 'prom-client'

/** Prometheus metrics of one process: HTTP, jobs, outbox, database pool. */
export interface Metrics {
  registry: client.Registry
  httpDuration: client.Histogram<'method' | 'route' | 'status'>
  httpRequests: client.Counter<'method' | 'route' | 'status'>
  jobsFinished: client.Counter<'queue' | 'outcome'>
  jobDuration: client.Histogram<'queue'>
  outboxRelayed: client.Counter
}

export function createMetrics(): Metrics {
  const registry = new client.Registry()
  client.collectDefaultMetrics({ register: registry })
  const metrics: Metrics = {
    registry,
    httpDuration: new client.Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request latency by route pattern',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    httpRequests: new client.Counter({
      name: 'http_requests_total',
      help: 'HTTP requests by route pattern and status',
      labelNames: ['method', 'route', 'status'],
      registers: [registry],
    }),
    jobsFinished: new client.Counter({
      name: 'jobs_finished_total',
      help: 'Job attempts finished in this process, by queue and outcome',
      labelNames: ['queue', 'outcome'],
      registers: [registry],
    }),
    jobDuration: new client.Histogram({
      name: 'job_duration_seconds',
      help: 'Job attempt duration by queue',
      labelNames: ['queue'],
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
      registers: [registry],
    }),
    outboxRelayed: new client.Counter({
      name: 'outbox_events_relayed_total',
      help: 'Outbox events moved to the job queue by this process',
      registers: [registry],
    }),
  }
  return metrics
}
