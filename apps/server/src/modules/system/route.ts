import type { PlatformSchema } from '../../kernel/db/schema/platform.ts'
import { moduleRoutes } from '../../kernel/http/route.ts'

/** The system module's routes run on the kernel's own tables only. */
export const systemRoute = moduleRoutes<PlatformSchema>({ tag: 'system' })
