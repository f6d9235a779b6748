/**
 * An asset's tags after a bulk edit: `add` appended (in order, once each), then `remove`
 * taken out. The same array when nothing changes, so the caller skips the write; the
 * contract's cap (30) holds, extra additions are dropped rather than failing the batch.
 */
export const MAX_TAGS = 30

export function editedTags(current: readonly string[], add: readonly string[], remove: readonly string[]): string[] {
  if (add.length === 0 && remove.length === 0) return current as string[]
  const gone = new Set(remove)
  const next = current.filter((t) => !gone.has(t))
  for (const t of add) if (!gone.has(t) && !next.includes(t) && next.length < MAX_TAGS) next.push(t)
  const same = next.length === current.length && next.every((t, i) => t === current[i])
  return same ? (current as string[]) : next
}
