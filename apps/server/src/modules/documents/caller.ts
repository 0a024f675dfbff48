import type { Principal } from '../../kernel/http/access.ts'
import type { BaseCaller } from '../../kernel/http/route.ts'

/** Who calls the Document Service: the person, and whether they are a platform admin. */
export interface DocumentsCaller extends BaseCaller {
  userId: string
  isPlatformAdmin: boolean
}

export function documentsCallerOf(principal: Principal | null): DocumentsCaller {
  return {
    principal,
    userId: principal?.userId ?? '',
    isPlatformAdmin: principal?.roles.includes('platform_admin') ?? false,
  }
}
