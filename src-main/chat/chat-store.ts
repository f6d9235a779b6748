import { promises as fs } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { z } from 'zod'
import { chatMessage, runStatus, type Connection } from '../../src-preload/contract'
import { writeJsonAtomic } from '../core/atomic-file'
import type { Notice } from '../settings/json-store'
import { corruptBackupPath } from '../settings/file-recovery'
import type { StoredConversation, StoredRun } from './conversation-model'

/**
 * Conversations on disk, one file per connection mode
 * (`<dataDir>/chat/<mode>/conversations.json`) so sandbox and Krev chats never mix, and
 * the list works offline. Writes are atomic and serialised per file (the latest state
 * wins). A damaged file is moved aside (never overwritten) and the creator is told; one
 * bad entry costs only that entry.
 */

export type ChatMode = Connection['mode']

const FORMAT = 1
const MAX_ID = 128

const fileShape = z.object({ format: z.literal(FORMAT), conversations: z.array(z.unknown()) })
const runShape = z.object({
  runId: z.string().min(1).max(MAX_ID),
  status: runStatus,
  assistantText: z.string(),
  generationIds: z.array(z.string()),
  error: z.string().nullable(),
  userMessageId: z.string(),
  assistantMessageId: z.string(),
  createdAt: z.string().max(64),
  updatedAt: z.string().max(64)
})
const conversationShape = z.object({
  id: z.string().min(1).max(MAX_ID),
  title: z.string(),
  createdAt: z.string().max(64),
  updatedAt: z.string().max(64),
  messages: z.array(z.unknown()),
  runs: z.array(z.unknown())
})

export interface LoadedChats {
  conversations: StoredConversation[]
  /** False when the file could not be read or moved aside: saving would destroy it. */
  writable: boolean
}

export interface ChatStore {
  path(mode: ChatMode): string
  load(mode: ChatMode): Promise<LoadedChats>
  /** `snapshot` is read when the write starts, so a queued save writes the newest state. */
  save(mode: ChatMode, snapshot: () => StoredConversation[]): Promise<void>
  /** Resolves when every queued save has finished (tests, shutdown). */
  flush(): Promise<void>
}

function validEntries<T>(list: unknown[], shape: z.ZodType<T>): T[] {
  return list.flatMap((x) => {
    const r = shape.safeParse(x)
    return r.success ? [r.data] : []
  })
}

function readConversation(raw: unknown): StoredConversation | null {
  const c = conversationShape.safeParse(raw)
  if (!c.success) return null
  return {
    ...c.data,
    messages: validEntries(c.data.messages, chatMessage),
    runs: validEntries(c.data.runs, runShape) as StoredRun[]
  }
}

/** writeFileAtomic's temp files (`.<name>.<12 hex>.tmp`) left by a crash mid-write. */
async function sweepTemp(path: string): Promise<void> {
  const prefix = `.${basename(path)}.`
  let names: string[]
  try {
    names = await fs.readdir(dirname(path))
  } catch {
    return
  }
  for (const name of names) {
    if (name.startsWith(prefix) && /^[0-9a-f]{12}\.tmp$/.test(name.slice(prefix.length))) {
      await fs.rm(join(dirname(path), name), { force: true }).catch(() => undefined)
    }
  }
}

export function createChatStore(dataDir: string, onNotice: (n: Notice) => void = () => undefined): ChatStore {
  const chains = new Map<ChatMode, Promise<void>>()
  const latest = new Map<ChatMode, () => StoredConversation[]>()
  const path = (mode: ChatMode) => join(dataDir, 'chat', mode, 'conversations.json')
  const what = (mode: ChatMode) => (mode === 'sandbox' ? 'sandbox chats' : 'chats')

  async function quarantine(mode: ChatMode, reason: string): Promise<LoadedChats> {
    const file = path(mode)
    const kept = corruptBackupPath(file, new Date())
    try {
      await fs.rename(file, kept)
    } catch (error) {
      onNotice({
        level: 'error',
        message: `Your saved ${what(mode)} are damaged and could not be moved aside. New chats are kept for this session only.`,
        detail: (error as NodeJS.ErrnoException).code ?? String(error)
      })
      return { conversations: [], writable: false }
    }
    onNotice({
      level: 'warning',
      message: `Your saved ${what(mode)} were damaged and could not be read, so the chat list starts empty. The damaged file was kept as ${basename(kept)}.`,
      detail: reason
    })
    return { conversations: [], writable: true }
  }

  return {
    path,

    async load(mode) {
      await sweepTemp(path(mode))
      let text: string
      try {
        text = await fs.readFile(path(mode), 'utf8')
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        if (code === 'ENOENT') return { conversations: [], writable: true }
        onNotice({
          level: 'error',
          message: `Your saved ${what(mode)} could not be read (${code ?? 'unknown error'}). New chats are kept for this session only.`
        })
        return { conversations: [], writable: false }
      }
      let data: unknown
      try {
        data = JSON.parse(text)
      } catch {
        return quarantine(mode, text.trim() === '' ? 'the file is empty' : 'the file is not valid JSON')
      }
      const file = fileShape.safeParse(data)
      if (!file.success) return quarantine(mode, 'the file does not hold saved chats')
      const conversations = file.data.conversations.flatMap((raw) => {
        const c = readConversation(raw)
        return c ? [c] : []
      })
      return { conversations, writable: true }
    },

    save(mode, snapshot) {
      latest.set(mode, snapshot)
      const previous = chains.get(mode) ?? Promise.resolve()
      const next = previous
        .catch(() => undefined)
        .then(async () => {
          // A save queued behind another writes whatever is newest by then, once; a save
          // whose state was already written shares that write's outcome.
          const current = latest.get(mode)
          if (!current) return previous
          latest.delete(mode)
          await writeJsonAtomic(path(mode), { format: FORMAT, conversations: current() })
        })
      chains.set(mode, next)
      return next
    },

    async flush() {
      await Promise.all([...chains.values()].map((p) => p.catch(() => undefined)))
    }
  }
}
