/**
 * What the keychain entry holds: the API key together with the API base Krev verified it
 * against, as one value, so the key can never be read back without its origin.
 * A plain key (written before keys were bound) decodes with `base: null`.
 */
export interface StoredKey {
  key: string
  /** Normalised API base (settings-schema normalizeApiBaseUrl), or null for a legacy entry. */
  base: string | null
}

const FORMAT = 'krev-studio-key/1'

export function encodeStoredKey(value: { key: string; base: string }): string {
  return JSON.stringify({ format: FORMAT, key: value.key, base: value.base })
}

export function decodeStoredKey(raw: string): StoredKey | null {
  const text = raw.trim()
  if (!text) return null
  if (!text.startsWith('{')) return { key: text, base: null }
  try {
    const parsed = JSON.parse(text) as Record<string, unknown>
    if (parsed['format'] !== FORMAT || typeof parsed['key'] !== 'string' || !parsed['key']) return null
    return { key: parsed['key'], base: typeof parsed['base'] === 'string' ? parsed['base'] : null }
  } catch {
    return null
  }
}
