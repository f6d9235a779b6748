/**
 * A creator's search box text → an FTS5 MATCH expression. Only runs of letters and digits
 * survive, each quoted and prefix-matched ("bag" finds "bags"), all required. Quotes,
 * operators (AND, NEAR, ^, *, :, column filters) and brackets can't get through, so no
 * input is an FTS syntax error or a query we didn't mean. null: nothing to search for.
 */
const MAX_TERMS = 12

export function ftsQuery(input: string): string | null {
  const words = input.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? []
  const terms = words.slice(0, MAX_TERMS).map((w) => `"${w}"*`)
  return terms.length > 0 ? terms.join(' ') : null
}
