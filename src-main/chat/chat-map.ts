import type { ChatMessage, ChatRun } from '../../src-preload/contract'
import type { ChatRunState, ChatTranscriptMessage } from '../krev/types'

/**
 * From the Krev API's chat shapes (snake_case, loosely typed, possibly odd) to the
 * contract's ChatMessage/ChatRun pieces. Pure functions: nothing here touches disk.
 *
 * Media: the API's `media_urls` are remote signed URLs. The renderer's CSP blocks remote
 * images (and signed links expire), so `mediaUrls` stay empty here; the library feature
 * downloads the generations and fills in local URLs.
 */

export type RunStatus = ChatRun['status']

/** Caps that keep one odd answer from bloating the store or the IPC payloads. */
export const MAX_MESSAGE_TEXT = 20_000
const MAX_ERROR_TEXT = 1_000
const MAX_GENERATION_IDS = 50
const MAX_ID = 128

/** Prefix of ids we make up when the API did not give one (replaced once it does). */
export const LOCAL_ID_PREFIX = 'local-'
export const isLocalId = (id: string): boolean => id.startsWith(LOCAL_ID_PREFIX)
export const validId = (v: unknown): v is string => typeof v === 'string' && v.length >= 1 && v.length <= MAX_ID

const STATUS: Record<string, RunStatus> = {
  queued: 'queued',
  pending: 'queued',
  waiting: 'queued',
  running: 'running',
  processing: 'running',
  active: 'running',
  in_progress: 'running',
  succeeded: 'succeeded',
  completed: 'succeeded',
  complete: 'succeeded',
  done: 'succeeded',
  success: 'succeeded',
  failed: 'failed',
  error: 'failed',
  errored: 'failed',
  cancelled: 'cancelled',
  canceled: 'cancelled'
}

/** Unknown statuses read as 'running': polling on is safer than declaring a run over. */
export function runStatusOf(raw: unknown): RunStatus {
  if (typeof raw !== 'string') return 'running'
  return STATUS[raw.trim().toLowerCase()] ?? 'running'
}

export const isActive = (status: RunStatus): boolean => status === 'queued' || status === 'running'

/**
 * Every time as `toISOString()`, so plain string comparison orders them (the renderer
 * sorts with localeCompare). '' when the API gave nothing usable: the caller decides.
 */
export function isoTime(raw: unknown): string {
  if (typeof raw !== 'string' || raw.length > 64) return ''
  const t = Date.parse(raw)
  return Number.isFinite(t) ? new Date(t).toISOString() : ''
}

export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}

function roleOf(raw: string): ChatMessage['role'] | null {
  const r = raw.trim().toLowerCase()
  if (r === 'user' || r === 'assistant') return r
  if (r === 'tool' || r === 'function') return 'tool'
  // system prompts and anything unknown are not part of the creator's thread
  return null
}

export function cleanIds(list: unknown[]): string[] {
  return [...new Set(list.filter(validId))].slice(0, MAX_GENERATION_IDS)
}

/** One transcript message, or null when it has no usable id or role. Empty text is kept. */
export function mapMessage(m: ChatTranscriptMessage): ChatMessage | null {
  const role = roleOf(String(m.role ?? ''))
  if (!role || !validId(m.id)) return null
  return {
    id: m.id,
    role,
    text: clip(typeof m.content === 'string' ? m.content : '', MAX_MESSAGE_TEXT),
    createdAt: isoTime(m.created_at),
    generationIds: [],
    mediaUrls: []
  }
}

/** Empty messages are the agent's placeholders while it works: hidden until they say something. */
const hasText = (m: ChatMessage): boolean => m.text.trim() !== ''

export function mapTranscript(list: ChatTranscriptMessage[]): ChatMessage[] {
  return list.flatMap((m) => {
    const mapped = mapMessage(m)
    return mapped && hasText(mapped) ? [mapped] : []
  })
}

/** Which transcript messages belong to a run we track. */
export interface RunRefs {
  userMessageId: string
  assistantMessageId: string
  /** What the creator sent: finds the user message when we only had a local id. */
  userText: string
}

export interface RunReading {
  refs: RunRefs
  /** The transcript as the contract's messages (placeholders dropped). */
  messages: ChatMessage[]
  status: RunStatus
  assistantText: string
  generationIds: string[]
  error: string | null
}

/**
 * Reads one GET /chat/runs/{id} answer. The run's assistant message gets the run's
 * generation ids, and the run's latest `assistant_text` when the transcript has none
 * yet (or no assistant message at all). Ids we made up are swapped for the API's.
 */
export function readRun(state: ChatRunState, refs: RunRefs): RunReading {
  const all = (state.messages ?? []).flatMap((m) => {
    const mapped = mapMessage(m)
    return mapped ? [mapped] : []
  })
  let user = all.find((m) => m.id === refs.userMessageId)
  if (!user && isLocalId(refs.userMessageId)) {
    user = all.findLast((m) => m.role === 'user' && m.text.trim() === refs.userText.trim())
  }
  const after = user ? all.slice(all.indexOf(user) + 1) : all
  let assistant = all.find((m) => m.id === refs.assistantMessageId)
  if (!assistant && isLocalId(refs.assistantMessageId)) assistant = after.find((m) => m.role === 'assistant')

  const latest = typeof state.assistant_text === 'string' ? state.assistant_text : ''
  const assistantText = clip(latest.trim() ? latest : (assistant?.text ?? ''), MAX_MESSAGE_TEXT)
  const generationIds = cleanIds(state.generation_ids ?? [])
  const status = runStatusOf(state.status)
  if (assistant) {
    if (!hasText(assistant)) assistant.text = assistantText
    assistant.generationIds = generationIds
  } else if (assistantText.trim()) {
    all.push({ id: refs.assistantMessageId, role: 'assistant', text: assistantText, createdAt: '', generationIds, mediaUrls: [] })
  }

  const serverError = typeof state.error === 'string' && state.error.trim() ? clip(state.error.trim(), MAX_ERROR_TEXT) : null
  return {
    refs: {
      userMessageId: user?.id ?? refs.userMessageId,
      assistantMessageId: assistant?.id ?? refs.assistantMessageId,
      userText: refs.userText
    },
    messages: all.filter(hasText),
    status,
    assistantText,
    generationIds,
    error: status === 'failed' ? (serverError ?? 'Krev couldn’t finish this request. Please try again.') : serverError
  }
}
