import { MAX_BATCH_JOBS } from '../../../../src-preload/contract/batch-limits'
import { parseCsv } from '../../lib/csv'
import { VIDEO_MAX_SECONDS, VIDEO_MIN_SECONDS } from '../../lib/pricing'
import { AD_ASPECTS, COUNTS, IMAGE_ASPECTS, MAX_PROMPT, type AudioMode, type CreateKind, type VariantCount } from '../../stores/create'

/**
 * The prompts of a batch, pasted one per line or read from a CSV file with a `prompt`
 * column and optional columns for the other parameters. Pure: the dialog reads the file,
 * this parses it. Every problem names its line (the file's own numbering, header = 1), and
 * a batch with any problem is not sent at all.
 */

export interface BatchRow {
  /** Where the row starts in the text (1-based). */
  line: number
  prompt: string
  aspect?: string
  count?: VariantCount
  hd?: boolean
  duration?: number
  audioMode?: AudioMode
  productIds?: string[]
  brandContext?: string
}

export interface RowProblem {
  /** 1-based; 0 for the file as a whole. */
  line: number
  message: string
}

export interface ParsedPrompts {
  rows: BatchRow[]
  problems: RowProblem[]
}

export interface ProductRef {
  id: string
  name: string
}

type Column = 'prompt' | 'aspect' | 'count' | 'hd' | 'duration' | 'audioMode' | 'products' | 'brandContext'

/** Header names as people write them, lower-cased, spaces and dashes as underscores. */
const ALIASES: Record<string, Column> = {
  prompt: 'prompt',
  brief: 'prompt',
  aspect: 'aspect',
  aspect_ratio: 'aspect',
  aspectratio: 'aspect',
  variants: 'count',
  image_count: 'count',
  imagecount: 'count',
  count: 'count',
  hd: 'hd',
  duration: 'duration',
  audio: 'audioMode',
  audio_mode: 'audioMode',
  audiomode: 'audioMode',
  products: 'products',
  product: 'products',
  product_ids: 'products',
  product_id: 'products',
  productids: 'products',
  brand_context: 'brandContext',
  brandcontext: 'brandContext',
  brand_notes: 'brandContext'
}
export const CSV_HEADERS = ['prompt', 'aspect_ratio', 'variants', 'hd', 'duration', 'audio_mode', 'products', 'brand_context'] as const

const AUDIO: readonly AudioMode[] = ['auto', 'off', 'native']
const YES = new Set(['yes', 'y', 'true', '1', 'on'])
const NO = new Set(['no', 'n', 'false', '0', 'off'])
const KIND_NAME: Record<CreateKind, string> = { image: 'images', video: 'videos', ad: 'ads' }

const stripBom = (text: string): string => text.replace(/^\uFEFF/, '')

function checkPrompt(prompt: string, line: number, problems: RowProblem[]): boolean {
  if (!prompt) problems.push({ line, message: 'the prompt is empty.' })
  else if (prompt.length > MAX_PROMPT) problems.push({ line, message: `the prompt is longer than ${MAX_PROMPT.toLocaleString('en-US')} characters.` })
  else return true
  return false
}

function tooMany(count: number): RowProblem {
  return { line: 0, message: `${count} prompts: a batch takes at most ${MAX_BATCH_JOBS}. Split it in two.` }
}

/** One prompt per non-empty line. */
export function parsePromptLines(text: string): ParsedPrompts {
  const rows: BatchRow[] = []
  const problems: RowProblem[] = []
  stripBom(text)
    .split(/\r\n|\r|\n/)
    .forEach((raw, i) => {
      const prompt = raw.trim()
      if (prompt && checkPrompt(prompt, i + 1, problems)) rows.push({ line: i + 1, prompt })
    })
  if (rows.length > MAX_BATCH_JOBS) problems.unshift(tooMany(rows.length))
  return { rows, problems }
}

/** One cell's value into the row; a problem when it is not one this kind takes. */
function readCell(row: BatchRow, column: Column, value: string, kind: CreateKind, products: readonly ProductRef[]): string | null {
  const only = (kinds: CreateKind[], what: string) => (kinds.includes(kind) ? null : `${KIND_NAME[kind]} have no ${what}.`)
  switch (column) {
    case 'prompt':
      row.prompt = value
      return null
    case 'aspect': {
      const allowed: readonly string[] = kind === 'ad' ? AD_ASPECTS : IMAGE_ASPECTS
      if (!allowed.includes(value)) return `aspect ratio “${value}” is not one of ${allowed.join(', ')}.`
      row.aspect = value
      return null
    }
    case 'count': {
      const n = Number(value)
      if (!(COUNTS as readonly number[]).includes(n)) return only(['image', 'ad'], 'variants') ?? `variants must be ${COUNTS.join(', ')} (not “${value}”).`
      row.count = n as VariantCount
      return only(['image', 'ad'], 'variants')
    }
    case 'hd': {
      const v = value.toLowerCase()
      if (!YES.has(v) && !NO.has(v)) return `hd must be yes or no (not “${value}”).`
      row.hd = YES.has(v)
      return only(['image'], 'HD option')
    }
    case 'duration': {
      const n = Number(value.replace(/\s*s(econds?)?$/i, ''))
      if (!Number.isInteger(n) || n < VIDEO_MIN_SECONDS || n > VIDEO_MAX_SECONDS)
        return only(['video'], 'duration') ?? `duration must be a whole number of seconds from ${VIDEO_MIN_SECONDS} to ${VIDEO_MAX_SECONDS} (not “${value}”).`
      row.duration = n
      return only(['video'], 'duration')
    }
    case 'audioMode': {
      const v = value.toLowerCase() as AudioMode
      if (!AUDIO.includes(v)) return only(['video'], 'audio') ?? `audio must be ${AUDIO.join(', ')} (not “${value}”).`
      row.audioMode = v
      return only(['video'], 'audio')
    }
    case 'products': {
      const ids: string[] = []
      for (const ref of value.split(/[;|]/).map((s) => s.trim()).filter(Boolean)) {
        const found = products.find((p) => p.id === ref) ?? products.find((p) => p.name.toLowerCase() === ref.toLowerCase())
        if (!found) return `no product named “${ref}” (use its name as it appears in Products, separated by “;”).`
        ids.push(found.id)
      }
      if (kind === 'video' && ids.length > 1) return 'a video takes one product.'
      if (ids.length > 10) return 'at most 10 products per job.'
      row.productIds = ids
      return null
    }
    case 'brandContext':
      if (value.length > 2000) return 'brand notes are longer than 2,000 characters.'
      row.brandContext = value
      return only(['ad'], 'brand notes')
  }
}

/** A CSV file with a header row naming its columns (`prompt` required, the rest optional). */
export function parsePromptCsv(text: string, kind: CreateKind, products: readonly ProductRef[]): ParsedPrompts {
  const body = stripBom(text)
  const firstLine = body.slice(0, body.search(/\r\n|\r|\n|$/))
  const delimiter = !firstLine.includes(',') && firstLine.includes(';') ? ';' : ','
  const records = parseCsv(body, delimiter)
  const [head, ...data] = records
  if (!head) return { rows: [], problems: [{ line: 0, message: 'the file is empty.' }] }
  const header = head.cells.map((h) => ALIASES[h.trim().toLowerCase().replace(/[\s-]+/g, '_')] ?? null)
  const unknown = head.cells.find((h, i) => header[i] === null && h.trim() !== '')
  if (unknown !== undefined)
    return { rows: [], problems: [{ line: head.line, message: `unknown column “${unknown.trim()}”. Columns can be: ${CSV_HEADERS.join(', ')}.` }] }
  if (!header.includes('prompt')) return { rows: [], problems: [{ line: head.line, message: 'the header row needs a “prompt” column.' }] }
  if (data.length === 0) return { rows: [], problems: [{ line: 0, message: 'the file has a header row but no prompts.' }] }

  const rows: BatchRow[] = []
  const problems: RowProblem[] = []
  // A quote opened and never closed swallows the rest of the file into one cell: say where.
  const last = data[data.length - 1]!
  if ((body.match(/"/g)?.length ?? 0) % 2 === 1 && last.cells.some((c) => /[\r\n]/.test(c)))
    problems.push({ line: last.line, message: 'a quoted cell is never closed (a “"” is missing).' })
  for (const record of data) {
    if (record.cells.length > header.length) {
      problems.push({ line: record.line, message: `${record.cells.length} cells for ${header.length} columns (a comma inside a prompt needs the prompt in quotes).` })
      continue
    }
    const row: BatchRow = { line: record.line, prompt: '' }
    const before = problems.length
    record.cells.forEach((cell, i) => {
      const value = cell.trim()
      const column = header[i]
      if (!column || (value === '' && column !== 'prompt')) return
      const problem = readCell(row, column, value, kind, products)
      if (problem) problems.push({ line: record.line, message: problem })
    })
    if (checkPrompt(row.prompt, record.line, problems) && problems.length === before) rows.push(row)
  }
  if (data.length > MAX_BATCH_JOBS) problems.unshift(tooMany(data.length))
  return { rows, problems }
}

/** "Line 3: the prompt is empty." / "The file is empty." */
export function describeProblem(p: RowProblem): string {
  return p.line > 0 ? `Line ${p.line}: ${p.message}` : p.message.charAt(0).toUpperCase() + p.message.slice(1)
}
