/**
 * Plain value lists of the contract, with no zod import: the renderer may import these
 * as values without bundling the schema library. The schemas build their enums from them.
 */

/** Meta Conversions API `action_source` values. */
export const ACTION_SOURCES = [
  'website',
  'app',
  'email',
  'phone_call',
  'chat',
  'physical_store',
  'system_generated',
  'business_messaging',
  'other'
] as const
export type ActionSource = (typeof ACTION_SOURCES)[number]
