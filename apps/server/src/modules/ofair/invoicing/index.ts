import './notices.ts'
import { closeInvoiceBrowser } from './document.ts'
import { invoiceCommands, monthlyInvoicesJob } from './jobs.ts'
import { invoiceRoutes } from './routes.ts'

/** OFAIR's monthly documents, as the module wires them (routes, the monthly job, the CLI command). */
export const invoicing = {
  routes: invoiceRoutes,
  jobs: [monthlyInvoicesJob],
  commands: invoiceCommands,
  stop: async () => closeInvoiceBrowser(),
}

export { runMonthlyInvoices } from './service.ts'
