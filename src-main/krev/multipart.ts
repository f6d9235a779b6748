import { randomBytes } from 'node:crypto'
import type { FileChunk, HttpBody } from './http'

/**
 * multipart/form-data for POST /products with a file. The file buffer is not copied:
 * the body is a list of chunks (headers, file, trailer) that the transport streams in
 * slices, and its exact length is known up front for Content-Length.
 */

export interface MultipartField {
  name: string
  value: string
}

export interface MultipartFile {
  name: string
  fileName: string
  contentType: string
  /** The bytes, or a file streamed from disk as the body is sent. */
  data: Buffer | FileChunk
}

/** Quotes, backslashes, CR/LF and non-printable characters cannot appear in a header. */
export function safeFileName(name: string, fallback: string): string {
  const base = name.replace(/^.*[\\/]/, '')
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f"\\]/g, '_').replace(/[^\x20-\x7e]/g, '_').slice(0, 200).trim()
  return clean || fallback
}

const headerValue = (s: string): string => s.replace(/[\r\n"]/g, ' ')

export function buildMultipart(fields: MultipartField[], file: MultipartFile): HttpBody {
  const boundary = `----KrevStudio${randomBytes(16).toString('hex')}`
  const chunks: (Buffer | FileChunk)[] = []
  for (const f of fields) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${headerValue(f.name)}"\r\n\r\n${f.value}\r\n`,
        'utf8'
      )
    )
  }
  chunks.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${headerValue(file.name)}"; filename="${headerValue(file.fileName)}"\r\n` +
        `Content-Type: ${headerValue(file.contentType)}\r\n\r\n`,
      'utf8'
    ),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8')
  )
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    length: chunks.reduce((n, c) => n + (Buffer.isBuffer(c) ? c.length : c.size), 0),
    chunks
  }
}
