/**
 * The one `Range: bytes=…` parser (RFC 9110 §14), for the app's media handler and the
 * sandbox's signed storage alike. One range only. null = serve the whole file: no header,
 * or one a server may ignore (several ranges, another unit, bad syntax, last < first);
 * 'unsatisfiable' = 416 with `Content-Range: bytes *\/size` (the range starts past the end,
 * or asks for a zero-length suffix).
 */
export type ByteRange = { start: number; end: number }

export function parseByteRange(header: string | null | undefined, size: number): ByteRange | null | 'unsatisfiable' {
  if (!header) return null
  const m = /^\s*bytes\s*=\s*(\d{0,15})\s*-\s*(\d{0,15})\s*$/i.exec(header)
  if (!m || (m[1] === '' && m[2] === '')) return null
  if (m[1] === '') {
    const suffix = Number(m[2])
    if (suffix === 0 || size === 0) return 'unsatisfiable'
    return { start: Math.max(0, size - suffix), end: size - 1 }
  }
  const start = Number(m[1])
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1)
  if (start >= size) return 'unsatisfiable'
  if (m[2] !== '' && Number(m[2]) < start) return null
  return { start, end }
}
