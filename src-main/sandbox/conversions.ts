import { HttpError, jsonBody, type ApiResult, type RequestContext } from './http'
import type { Route } from './router'
import type { Services } from './services'
import { optionalObject, optionalText } from './validate'

/**
 * POST /conversions/meta: one server-side event, validated as Meta's Conversions API
 * would (event_time window, action_source set, non-empty user_data). Needs a pixel.
 */
export const ACTION_SOURCES = [
  'email', 'website', 'app', 'phone_call', 'chat', 'physical_store', 'system_generated', 'business_messaging', 'other'
] as const

const MAX_AGE_SECONDS = 7 * 24 * 3600
const MAX_FUTURE_SECONDS = 10 * 60

export function validateConversion(body: Record<string, unknown>, nowSeconds: number): void {
  const eventName = body.event_name
  if (typeof eventName !== 'string' || !eventName.trim()) throw new HttpError(400, 'event_name is required')
  if (eventName.length > 100) throw new HttpError(400, 'event_name must be at most 100 characters')
  const eventTime = body.event_time
  if (eventTime === undefined || eventTime === null) throw new HttpError(400, 'event_time is required')
  if (typeof eventTime !== 'number' || !Number.isInteger(eventTime) || eventTime < 0) {
    throw new HttpError(400, 'event_time must be a unix timestamp in seconds (integer)')
  }
  if (eventTime < nowSeconds - MAX_AGE_SECONDS) throw new HttpError(400, 'event_time must not be more than 7 days in the past')
  if (eventTime > nowSeconds + MAX_FUTURE_SECONDS) throw new HttpError(400, 'event_time must not be in the future')
  const source = body.action_source
  if (source === undefined || source === null) throw new HttpError(400, 'action_source is required')
  if (!ACTION_SOURCES.includes(source as (typeof ACTION_SOURCES)[number])) {
    throw new HttpError(400, `action_source must be one of ${ACTION_SOURCES.map((s) => `"${s}"`).join(', ')}`)
  }
  const userData = body.user_data
  if (!userData || typeof userData !== 'object' || Array.isArray(userData) || Object.keys(userData).length === 0) {
    throw new HttpError(400, 'user_data is required and must be a non-empty object')
  }
  optionalText(body, 'event_id', 200)
  const url = optionalText(body, 'event_source_url', 2048)
  if (url) {
    let ok = false
    try {
      ok = ['http:', 'https:'].includes(new URL(url).protocol)
    } catch {
      ok = false
    }
    if (!ok) throw new HttpError(400, 'event_source_url must be an http(s) URL')
  }
  const custom = optionalObject(body, 'custom_data')
  if (custom?.value !== undefined && (typeof custom.value !== 'number' || !Number.isFinite(custom.value))) {
    throw new HttpError(400, 'custom_data.value must be a number')
  }
  if (custom?.currency !== undefined && (typeof custom.currency !== 'string' || !/^[A-Za-z]{3}$/.test(custom.currency))) {
    throw new HttpError(400, 'custom_data.currency must be a 3-letter ISO 4217 code')
  }
}

async function postConversion(services: Services, ctx: RequestContext): Promise<ApiResult> {
  if (!services.metaPixel) throw new HttpError(403, 'No active Meta pixel configuration')
  const body = jsonBody(ctx)
  validateConversion(body, Math.floor(Date.now() / 1000))
  services.log(`sandbox: Meta conversion "${String(body.event_name)}" accepted`)
  return { kind: 'json', status: 200, body: { success: true, status: 'sent', events_received: 1 } }
}

export function conversionRoutes(services: Services): Route[] {
  return [
    { method: 'POST', pattern: '/api/v1/conversions/meta', auth: 'bearer', scopes: ['conversions'], handler: (ctx) => postConversion(services, ctx) }
  ]
}
