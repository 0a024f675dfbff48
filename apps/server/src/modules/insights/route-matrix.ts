import type { RouteCase } from '../../security/route-cases.ts'

/** Who may call the homes: Splits personas; a candidate or an OFAIR member is refused. */
export const insightsRouteMatrix: Record<string, RouteCase> = {
  'GET /api/me/home': { access: 'roles', wrongRole: 'candidate' },
}
