import './notices.ts'
import { invoiceCommands, monthlyInvoicesJob } from './jobs.ts'
import { invoiceRoutes } from './routes.ts'

/** OFAIR's monthly documents, as the module wires them (routes, the monthly job, the CLI command). */
export const invoicing = {
  routes: invoiceRoutes,
  jobs: [monthlyInvoicesJob],
  commands: invoiceCommands,
}

export { runMonthlyInvoices } from './service.ts'
