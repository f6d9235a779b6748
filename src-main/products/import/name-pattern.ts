/**
 * A batch's naming rule: "{file}" is the file name without its extension, "{n}" the
 * entry's number in the batch (1-based). An empty pattern lets Krev name the product
 * from its analysis. The result is trimmed and capped at Krev's 200 characters.
 */
export const MAX_PRODUCT_NAME = 200

export function productName(pattern: string | undefined, entry: { fileName: string; index: number }): string | undefined {
  const p = pattern?.trim()
  if (!p) return undefined
  const base = entry.fileName.replace(/^.*[\\/]/, '').replace(/\.[A-Za-z0-9]{1,8}$/, '')
  const name = p.replaceAll('{file}', base).replaceAll('{n}', String(entry.index + 1)).trim()
  return name ? name.slice(0, MAX_PRODUCT_NAME) : undefined
}
