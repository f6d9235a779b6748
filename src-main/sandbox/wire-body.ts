import type { z } from 'zod'
import { HttpError } from './http'

/**
 * Request bodies are judged by the wire schema (`krev/wire.ts`), the same one the OpenAPI
 * document and the client use; this turns the first zod issue into the reference's wording
 * ("prompt is required", "aspect_ratio must be one of …") as a 400.
 */

type Body = Record<string, unknown>
type Issue = z.core.$ZodIssue

const quoted = (values: readonly unknown[]): string =>
  values.map((v) => (typeof v === 'string' ? `"${v}"` : String(v))).join(', ')

type Inner = { unwrap?: () => unknown; minValue?: number | null; maxValue?: number | null; meta?: () => { format?: string } | undefined }

/** The field's inner schema (under optional/default): its documented bounds and format. */
function inner(field: z.ZodType | undefined): Inner | undefined {
  let s = field as unknown as Inner | undefined
  while (s && typeof s.unwrap === 'function' && !('element' in s)) s = s.unwrap() as Inner // not into a list
  return s
}

export function issueMessage(schema: z.ZodObject, body: Body, issue: Issue): string {
  const field = String(issue.path[0] ?? 'body')
  const fieldSchema = schema.shape[field] as z.ZodType | undefined
  const value = body[field]
  const required = fieldSchema !== undefined && !fieldSchema.safeParse(undefined).success
  const isList = field.endsWith('_ids')
  const blank = value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
  if (required && (blank || (Array.isArray(value) && value.length === 0))) {
    return isList ? `${field} is required: include at least one product id` : `${field} is required`
  }
  if (isList && (issue.path.length > 1 || issue.code === 'invalid_type')) return `${field} must be an array of UUIDs`
  const base = inner(fieldSchema)
  if (base?.meta?.()?.format === 'uuid') return `${field} must be a UUID`
  switch (issue.code) {
    case 'invalid_value':
      return `${field} must be one of ${quoted(issue.values)}`
    case 'invalid_type':
      if (issue.expected === 'int' || issue.expected === 'number') break
      return `${field} must be ${issue.expected === 'array' ? 'an array' : `a ${issue.expected}`}`
    case 'too_big':
      if (issue.origin === 'string') return `${field} must be at most ${issue.maximum} characters`
      if (issue.origin === 'array') return `${field} can include at most ${issue.maximum} items`
      break
  }
  const min = base?.minValue
  const max = base?.maxValue
  if (min != null && max != null) return `${field} must be an integer from ${min} to ${max}`
  return `${field} is invalid`
}

/** An endpoint's own wording for the issues the generic one cannot phrase (undefined: use that). */
export type IssueWords = (issue: Issue, body: Body) => string | undefined

/** The parsed body (defaults filled), or a 400 with the reference's wording. */
export function wireBody<S extends z.ZodObject>(schema: S, body: Body, words?: IssueWords): z.output<S> {
  const result = schema.safeParse(body)
  if (result.success) return result.data
  const issue = result.error.issues[0]!
  throw new HttpError(400, words?.(issue, body) ?? issueMessage(schema, body, issue))
}

/** Ids as the sandbox stores them: lower-case, each once. */
export const uniqueIds = (...lists: (readonly string[] | undefined)[]): string[] => [
  ...new Set(lists.flatMap((l) => l ?? []).map((id) => id.toLowerCase()))
]
