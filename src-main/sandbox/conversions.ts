import { HttpError, jsonBody, type ApiResult, type RequestContext } from './http'
import type { Route } from './router'
import type { Services } from './services'
import { conversionEvent, ruleOf } from '../krev/wire'
import { wireBody, type IssueWords } from './wire-body'

/**
 * POST /conversions/meta: one server-side event, judged by the wire schema's
 * `ConversionEvent` (the one the client validates with), so both refuse the same events.
 * Meta's Conversions API wording for the checks the generic wording cannot phrase. Needs a pixel.
 */
const conversionWords: IssueWords = (issue, body) => {
  const field = issue.path.join('.')
  const rule = ruleOf(issue)
  if (field === 'event_time') {
    if (body.event_time === undefined || body.event_time === null) return 'event_time is required'
    if (rule === 'too_old') return 'event_time must not be more than 7 days in the past'
    if (rule === 'future') return 'event_time must not be in the future'
    return 'event_time must be a unix timestamp in seconds (integer)'
  }
  if (field === 'user_data') return 'user_data is required and must be a non-empty object'
  if (field === 'event_source_url' && rule === 'not_http') return 'event_source_url must be an http(s) URL'
  if (field === 'custom_data' && issue.code === 'invalid_type') return 'custom_data must be an object'
  if (field === 'custom_data.value') return 'custom_data.value must be a number'
  if (field === 'custom_data.currency') return 'custom_data.currency must be a 3-letter ISO 4217 code'
  return undefined
}

async function postConversion(services: Services, ctx: RequestContext): Promise<ApiResult> {
  if (!services.metaPixel) throw new HttpError(403, 'No active Meta pixel configuration')
  const body = jsonBody(ctx)
  wireBody(conversionEvent, body, conversionWords)
  services.log(`sandbox: Meta conversion "${String(body.event_name)}" accepted`)
  return { kind: 'json', status: 200, body: { success: true, status: 'sent', events_received: 1 } }
}

export function conversionRoutes(services: Services): Route[] {
  return [
    { method: 'POST', pattern: '/api/v1/conversions/meta', auth: 'bearer', scopes: ['conversions'], handler: (ctx) => postConversion(services, ctx) }
  ]
}
