/** The Krev API client: import from here. Never imports electron. */
export { createKrevClient, resolveBaseUrl, DEFAULT_BASE_URL } from './client'
export { createRateLimiter, type RateLimiterOptions, type SharedRateLimiter } from './rate-limiter'
export { assertPublicHttpsUrl, isPublicAddress, isTrustedOrigin, type UrlGuardOptions } from './url-guard'
export { parseRetryAfter } from './retry-after'
export { wasMaybeProcessed } from './errors'
export { sniffImageType, MAX_PRODUCT_IMAGE_BYTES } from './product-image'
export * from './types'
