/**
 * External links leave the app only as https to hosts we trust. Everything else
 * (http, file, javascript, custom schemes, look-alike hosts) is refused.
 */
export const EXTERNAL_HOSTS: readonly string[] = ['krev.ai', 'app.krev.ai', 'docs.krev.ai', 'www.krev.ai']

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return false
  return EXTERNAL_HOSTS.includes(url.hostname.toLowerCase())
}
