import { promises as fs } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { z } from 'zod'
import type { Db } from '../db/database'
import type { ChatRepo } from '../db/chat-repo'
import { renameIfPresent, runLegacyImport, shared } from '../db/legacy-import'
import type { Notice } from '../settings/json-store'
import { corruptBackupPath } from '../settings/file-recovery'
import { CONNECTION_MODES } from '../../src-preload/contract/values'
import type { ChatMode } from './chat-store'
import type { StoredConversation } from './conversation-model'

/**
 * Chats as Krev Studio kept them before the database — `<dataDir>/chat/<mode>/conversations.json`
 * — imported on first start (db/legacy-import.ts). A damaged file is moved aside as before
 * (`conversations.corrupt-<time>.json`) and the creator told; a file that can't be read at
 * all makes that mode read-only for the session, so nothing is written in its place.
 */

const MODES = CONNECTION_MODES
const fileShape = z.object({ format: z.literal(1), conversations: z.array(z.unknown()) })

export const legacyChatFile = (dataDir: string, mode: ChatMode): string => join(dataDir, 'chat', mode, 'conversations.json')
const what = (mode: ChatMode) => (mode === 'sandbox' ? 'sandbox chats' : 'chats')

export interface ChatImportDeps {
  db: Db
  repo: ChatRepo
  dataDir: string
  onNotice: (n: Notice) => void
  /** One conversation of the file as the store reads it; null: unreadable, skipped. */
  readConversation: (raw: unknown) => StoredConversation | null
  toRows: (c: StoredConversation) => Parameters<ChatRepo['replace']>[1]
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

async function quarantine(deps: ChatImportDeps, mode: ChatMode, reason: string): Promise<boolean> {
  const file = legacyChatFile(deps.dataDir, mode)
  const kept = corruptBackupPath(file, new Date())
  try {
    await fs.rename(file, kept)
  } catch (error) {
    deps.onNotice({
      level: 'error',
      message: `Your saved ${what(mode)} are damaged and could not be moved aside. New chats are kept for this session only.`,
      detail: (error as NodeJS.ErrnoException).code ?? String(error)
    })
    return false
  }
  deps.onNotice({
    level: 'warning',
    message: `Your saved ${what(mode)} were damaged and could not be read, so the chat list starts empty. The damaged file was kept as ${basename(kept)}.`,
    detail: reason
  })
  return true
}

/** Reads one mode's file: its conversations, null when there is none, 'locked' when unreadable. */
async function readMode(deps: ChatImportDeps, mode: ChatMode): Promise<StoredConversation[] | null | 'locked'> {
  const file = legacyChatFile(deps.dataDir, mode)
  await sweepTemp(file)
  let text: string
  try {
    text = await fs.readFile(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return null
    deps.onNotice({
      level: 'error',
      message: `Your saved ${what(mode)} could not be read (${code ?? 'unknown error'}). New chats are kept for this session only.`
    })
    return 'locked'
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return (await quarantine(deps, mode, text.trim() === '' ? 'the file is empty' : 'the file is not valid JSON')) ? null : 'locked'
  }
  const parsed = fileShape.safeParse(data)
  if (!parsed.success) return (await quarantine(deps, mode, 'the file does not hold saved chats')) ? null : 'locked'
  return parsed.data.conversations.flatMap((raw) => {
    const c = deps.readConversation(raw)
    return c ? [c] : []
  })
}

/** Imports both modes' files in one transaction; answers the modes that must not be written. */
export function importLegacyChats(deps: ChatImportDeps): Promise<Set<ChatMode>> {
  return shared(deps.db, `chat:${deps.dataDir}`, async () => {
    const locked = new Set<ChatMode>()
    await runLegacyImport<{ mode: ChatMode; conversations: StoredConversation[] }[]>(deps.db, {
      async read() {
        const found: { mode: ChatMode; conversations: StoredConversation[] }[] = []
        for (const mode of MODES) {
          const read = await readMode(deps, mode)
          if (read === 'locked') locked.add(mode)
          else if (read) found.push({ mode, conversations: read })
        }
        return found.length > 0 ? found : null
      },
      write(found) {
        for (const { mode, conversations } of found) {
          for (const c of conversations) deps.repo.replace(mode, deps.toRows(c), { ifAbsent: true })
        }
      },
      verify(found) {
        let ok = 0
        let expected = 0
        for (const { mode, conversations } of found) {
          const ids = new Set(deps.repo.ids(mode))
          expected += conversations.length
          ok += conversations.filter((c) => ids.has(c.id)).length
        }
        return { found: ok, expected }
      },
      async moveAside(found, suffix) {
        for (const { mode } of found) await renameIfPresent(legacyChatFile(deps.dataDir, mode), suffix)
      }
    })
    return locked
  })
}
