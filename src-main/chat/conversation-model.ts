import type { ChatMessage, ChatRun, CommandOutput } from '../../src-preload/contract'

export type Agent = 'auto' | 'asset' | 'discover'
import type { RunReading, RunStatus } from './chat-map'

/**
 * The locally kept conversation: its messages (merged by id from every answer, so a
 * message once seen is never lost) and the runs sent in it. This is what
 * conversations.json holds and what the contract's replies are built from.
 */

export interface StoredRun {
  runId: string
  status: RunStatus
  assistantText: string
  generationIds: string[]
  error: string | null
  /** Ids in `messages` of this run's user and assistant messages (maybe local-…). */
  userMessageId: string
  assistantMessageId: string
  /** The products the brief was about: the generations it starts are about them too. */
  productIds?: string[]
  createdAt: string
  updatedAt: string
}

export interface StoredConversation {
  id: string
  title: string
  /** The agent it was last briefed with (null: never said, e.g. found on Krev). */
  agent: Agent | null
  createdAt: string
  updatedAt: string
  /** Oldest first. */
  messages: ChatMessage[]
  /** Oldest first. */
  runs: StoredRun[]
}

export type ConversationSummary = CommandOutput<'chat.conversations'>['items'][number]

export const MAX_CONVERSATIONS = 200
export const MAX_MESSAGES = 500
export const MAX_RUNS = 50
const TITLE_LENGTH = 60

export function titleFrom(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (!flat) return 'New brief'
  return flat.length > TITLE_LENGTH ? `${flat.slice(0, TITLE_LENGTH - 1).trimEnd()}…` : flat
}

export function newConversation(id: string, title: string, now: string): StoredConversation {
  return { id, title: titleFrom(title), agent: null, createdAt: now, updatedAt: now, messages: [], runs: [] }
}

export const lastRun = (c: StoredConversation): StoredRun | null => c.runs.at(-1) ?? null

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i])
const sameMessage = (a: ChatMessage, b: ChatMessage) =>
  a.id === b.id &&
  a.role === b.role &&
  a.text === b.text &&
  a.createdAt === b.createdAt &&
  sameList(a.generationIds, b.generationIds) &&
  sameList(a.mediaUrls, b.mediaUrls) &&
  sameList(a.productIds ?? [], b.productIds ?? []) &&
  sameList(a.referenceImages ?? [], b.referenceImages ?? []) &&
  sameList(a.referenceAssetIds ?? [], b.referenceAssetIds ?? [])

type Attachments = Pick<ChatMessage, 'productIds' | 'referenceImages' | 'referenceAssetIds'>
const attachments = (m: ChatMessage): Attachments => ({
  ...(m.productIds?.length ? { productIds: m.productIds } : {}),
  ...(m.referenceImages?.length ? { referenceImages: m.referenceImages } : {}),
  ...(m.referenceAssetIds?.length ? { referenceAssetIds: m.referenceAssetIds } : {})
})
const hasAttachments = (m: ChatMessage): boolean => Object.keys(attachments(m)).length > 0

/**
 * Merges `incoming` into `existing` by id. Nothing is ever removed (a local message the
 * server does not list stays); an empty incoming text never blanks a known one; local
 * media URLs survive. `renames` swaps made-up ids for the server's. Times missing on the
 * wire ('') keep the known time, or `now` for a new message. Sorted by time (stable).
 */
export function mergeMessages(
  existing: ChatMessage[],
  incoming: ChatMessage[],
  now: string,
  renames: ReadonlyMap<string, string> = new Map()
): { messages: ChatMessage[]; changed: boolean } {
  const list: ChatMessage[] = []
  const index = new Map<string, number>()
  let changed = false
  for (const m of existing) {
    const id = renames.get(m.id) ?? m.id
    if (id !== m.id) changed = true
    if (index.has(id)) continue
    index.set(id, list.length)
    list.push(id === m.id ? m : { ...m, id })
  }
  for (const m of incoming) {
    const at = index.get(m.id)
    if (at === undefined) {
      index.set(m.id, list.length)
      list.push({ ...m, createdAt: m.createdAt || now })
      changed = true
      continue
    }
    const cur = list[at]!
    const next: ChatMessage = {
      id: cur.id,
      role: m.role,
      text: m.text.trim() ? m.text : cur.text,
      createdAt: m.createdAt || cur.createdAt,
      generationIds: m.generationIds.length ? m.generationIds : cur.generationIds,
      mediaUrls: m.mediaUrls.length ? m.mediaUrls : cur.mediaUrls,
      // Krev's transcript never lists attachments: what we recorded at send stays.
      ...attachments(hasAttachments(m) ? m : cur)
    }
    if (!sameMessage(cur, next)) {
      list[at] = next
      changed = true
    }
  }
  const sorted = list
    .map((m, i) => ({ m, i }))
    .sort((a, b) => (a.m.createdAt < b.m.createdAt ? -1 : a.m.createdAt > b.m.createdAt ? 1 : a.i - b.i))
    .map((x) => x.m)
  if (!changed) changed = sorted.some((m, i) => m !== existing[i])
  return { messages: sorted, changed }
}

/** The messages of one run: from its user message up to the next run's user message. */
function runMessages(c: StoredConversation, run: StoredRun): ChatMessage[] {
  const start = c.messages.findIndex((m) => m.id === run.userMessageId)
  if (start < 0) {
    // The user message was pruned (or never known): show at least the answer.
    const answer = c.messages.find((m) => m.id === run.assistantMessageId)
    return answer ? [answer] : []
  }
  const nextRun = c.runs[c.runs.indexOf(run) + 1]
  const end = nextRun ? c.messages.findIndex((m) => m.id === nextRun.userMessageId) : -1
  return c.messages.slice(start, end > start ? end : undefined)
}

export function runView(c: StoredConversation, run: StoredRun): ChatRun {
  return {
    runId: run.runId,
    conversationId: c.id,
    status: run.status,
    assistantText: run.assistantText,
    messages: runMessages(c, run),
    generationIds: run.generationIds,
    error: run.error,
    updatedAt: run.updatedAt
  }
}

export function summaryOf(c: StoredConversation): ConversationSummary {
  return { id: c.id, title: c.title, agent: c.agent, updatedAt: c.updatedAt, lastStatus: lastRun(c)?.status ?? null }
}

export const newestFirst = (a: StoredConversation, b: StoredConversation): number =>
  a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0

/**
 * Keeps the store bounded: the newest 200 conversations, the last 500 messages and 50
 * runs of each. Applied in memory before every save, so memory stays bounded too.
 */
export function enforceBounds(byId: Map<string, StoredConversation>): void {
  if (byId.size > MAX_CONVERSATIONS) {
    const keep = new Set([...byId.values()].sort(newestFirst).slice(0, MAX_CONVERSATIONS).map((c) => c.id))
    for (const id of [...byId.keys()]) if (!keep.has(id)) byId.delete(id)
  }
  for (const c of byId.values()) {
    if (c.messages.length > MAX_MESSAGES) c.messages = c.messages.slice(-MAX_MESSAGES)
    if (c.runs.length > MAX_RUNS) c.runs = c.runs.slice(-MAX_RUNS)
  }
}

/**
 * Records one poll's reading of a run in its conversation. Ids we made up are replaced
 * by the server's. Returns whether anything the creator can see changed.
 */
export function recordReading(c: StoredConversation, run: StoredRun, reading: RunReading, at: string): boolean {
  const renames = new Map<string, string>()
  if (reading.refs.userMessageId !== run.userMessageId) renames.set(run.userMessageId, reading.refs.userMessageId)
  if (reading.refs.assistantMessageId !== run.assistantMessageId) renames.set(run.assistantMessageId, reading.refs.assistantMessageId)
  const merged = mergeMessages(c.messages, reading.messages, at, renames)
  const changed =
    merged.changed ||
    renames.size > 0 ||
    run.status !== reading.status ||
    run.assistantText !== reading.assistantText ||
    run.error !== reading.error ||
    !sameList(run.generationIds, reading.generationIds)
  if (!changed) return false
  c.messages = merged.messages
  Object.assign(run, {
    status: reading.status,
    assistantText: reading.assistantText,
    error: reading.error,
    generationIds: reading.generationIds,
    userMessageId: reading.refs.userMessageId,
    assistantMessageId: reading.refs.assistantMessageId,
    updatedAt: at
  })
  c.updatedAt = at
  return true
}
