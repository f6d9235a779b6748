import type { ChatRun, CommandArgs, CommandOutput, Connection } from '../../src-preload/contract'
import { AppError, isAppError } from '../core/app-error'
import { silentLogger, type Logger } from '../core/logger'
import type { Notice } from '../settings/json-store'
import { isActive, isLocalId, LOCAL_ID_PREFIX, mapTranscript, readRun, validId } from './chat-map'
import { isOffline, runLostMessage, sendFailure } from './chat-errors'
import type { ChatMode, ChatStore } from './chat-store'
import { createBooks, type Book } from './chat-books'
import {
  lastRun,
  mergeMessages,
  newConversation,
  recordReading,
  runView,
  type StoredConversation,
  type StoredRun
} from './conversation-model'
import { DEFAULT_POLL_TIMING, type PollOutcome, type PollTiming, type Sleep } from './poll-loop'
import { createRunTracker, type RunKey, type TrackerConnection } from './run-tracker'
import type { KrevClient } from '../krev/types'
import { libraryReferences } from './library-reference'
import type { Deliveries } from './chat-deliveries'
import { manageConversations, type ConversationManagement } from './chat-manage'

/**
 * The chat feature's logic. Conversations live in the local store of the current mode
 * (listing works offline); each send is recorded there before `chat.send` answers, and
 * its run is polled in the background, every change saved and published as `chat.run`.
 * On start (`resume()`), on a mode switch and when the connection comes back, runs left
 * unfinished are picked up again, so a restart or an outage never loses one.
 */

export interface ChatConnection extends TrackerConnection {
  /** When present, a known-offline connection skips the conversation refresh. */
  status?(): Connection
}

export interface ChatServiceDeps {
  connection: ChatConnection
  store: ChatStore
  emitRun(run: ChatRun): void
  onNotice?(notice: Notice): void
  logger?: Logger
  now?: () => number
  sleep: Sleep
  timing?: Partial<PollTiming>
  /** How long opening a conversation waits for Krev before showing the local copy. Default 5 s. */
  refreshTimeoutMs?: number
  /** Hands the generations runs report to the queue (absent: they are only listed). */
  deliveries?: Deliveries
  /** The Krev link of a Library output sent as a reference (absent: refused). */
  referenceUrlOf?(assetId: string, client: KrevClient): Promise<string>
}

export interface ChatService extends ConversationManagement {
  send(input: CommandArgs<'chat.send'>): Promise<ChatRun>
  conversation(id: string): Promise<CommandOutput<'chat.conversation'>>
  resume(): Promise<void>
  /** Resolves once every poller has stopped and every save is written (tests, shutdown). */
  idle(): Promise<void>
  dispose(): void
}

export function createChatService(deps: ChatServiceDeps): ChatService {
  const logger = deps.logger ?? silentLogger
  const notify = deps.onNotice ?? (() => undefined)
  const now = () => new Date((deps.now ?? Date.now)()).toISOString()
  const refreshTimeoutMs = deps.refreshTimeoutMs ?? 5_000
  const { connection, store } = deps
  const books = createBooks(store, logger, notify)
  const book = (mode: ChatMode) => books.get(mode)
  const persist = (b: Book) => books.persist(b)
  const life = new AbortController()
  const { deliveries } = deps

  function publish(mode: ChatMode, c: StoredConversation, run: StoredRun): void {
    // The renderer shows the current mode's chats only.
    if (mode === connection.mode()) deps.emitRun(runView(c, run))
  }

  async function find(key: RunKey): Promise<{ b: Book; c: StoredConversation; run: StoredRun } | null> {
    const b = await book(key.mode)
    const c = b.byId.get(key.conversationId)
    const run = c?.runs.find((r) => r.runId === key.runId)
    return c && run ? { b, c, run } : null
  }

  async function apply(key: RunKey, state: Parameters<typeof readRun>[0]): Promise<PollOutcome> {
    const found = await find(key)
    // Pruned from the store (200 newer conversations): nothing left to update.
    if (!found) return 'done'
    const { b, c, run } = found
    const userText = c.messages.find((m) => m.id === run.userMessageId)?.text ?? ''
    const reading = readRun(state, { userMessageId: run.userMessageId, assistantMessageId: run.assistantMessageId, userText })
    const before = run.assistantMessageId
    const changed = recordReading(c, run, reading, now())
    if (deliveries) {
      if (before !== run.assistantMessageId) deliveries.renameMessage(key.mode, before, run.assistantMessageId)
      await deliveries.record(
        key.mode,
        { conversationId: c.id, runId: run.runId, messageId: run.assistantMessageId, userText, productIds: run.productIds ?? [] },
        state
      )
    }
    if (changed) {
      await persist(b)
      publish(key.mode, c, run)
    }
    if (!isActive(run.status)) return 'done'
    return changed ? 'changed' : 'same'
  }

  async function fail(key: RunKey, error: unknown): Promise<void> {
    const found = await find(key)
    if (!found || !isActive(found.run.status)) return
    const { b, c, run } = found
    const at = now()
    Object.assign(run, { status: 'failed', error: isAppError(error) ? runLostMessage(error) : String(error), updatedAt: at })
    c.updatedAt = at
    await persist(b)
    publish(key.mode, c, run)
  }

  const tracker = createRunTracker({
    connection,
    sleep: deps.sleep,
    timing: { ...DEFAULT_POLL_TIMING, ...deps.timing },
    apply,
    fail,
    logger
  })

  async function resumeMode(mode: ChatMode): Promise<void> {
    const b = await book(mode)
    if (connection.mode() !== mode) return
    // Generations linked before a crash but never handed to the queue are handed now.
    await deliveries?.adoptPending(mode)
    for (const c of b.byId.values()) {
      for (const run of c.runs) if (isActive(run.status)) tracker.track({ mode, conversationId: c.id, runId: run.runId })
    }
  }

  let lastMode = connection.mode()
  let lastOnline = connection.status?.().online ?? true
  const unsubscribe = connection.onChange((status) => {
    const switched = status.mode !== lastMode
    const cameBack = status.online && !lastOnline
    lastMode = status.mode
    lastOnline = status.online
    if (switched) {
      tracker.keepOnly(status.mode)
      void resumeMode(status.mode).catch((error: unknown) => logger.error('chat: resuming runs failed', { error }))
    }
    // Runs waiting out an offline backoff poll again now, not a minute later.
    if (cameBack) tracker.wake()
  })

  /** GET /chat/conversations/{id}, or null when Krev can't be asked right now. */
  async function fetchConversation(id: string, known: boolean) {
    if (connection.status?.().online === false && known) return null
    try {
      const client = await connection.client()
      const signal = AbortSignal.any([life.signal, AbortSignal.timeout(refreshTimeoutMs)])
      const remote = await client.getConversation(id, signal)
      connection.reportOnline(true)
      return remote
    } catch (error) {
      if (isOffline(error)) connection.reportOnline(false)
      if (!known) {
        if (isAppError(error) && (error.code === 'not_found' || error.code === 'invalid_input')) {
          throw new AppError('not_found', 'This conversation isn’t on this computer or on Krev any more.', { retryable: false })
        }
        if (isAppError(error) && error.code === 'cancelled' && !life.signal.aborted) {
          throw new AppError('timeout', 'Krev took too long to answer. Check your connection and try again.')
        }
        throw error
      }
      if (!isOffline(error) && !(isAppError(error) && error.code === 'cancelled')) {
        logger.warn('chat: refreshing a conversation failed; showing the saved copy', {
          code: isAppError(error) ? error.code : 'unexpected'
        })
      }
      return null
    }
  }

  return {
    async send(input) {
      const mode = connection.mode()
      const client = await connection.client()
      const references = [...(input.referenceImages ?? []), ...(await libraryReferences(input.referenceAssetIds ?? [], client, deps.referenceUrlOf))]
      let started
      try {
        started = await client.startChat({
          message: input.message,
          agent: input.agent,
          ...(input.conversationId ? { conversation_id: input.conversationId } : {}),
          ...(input.productIds?.length ? { product_ids: input.productIds } : {}),
          ...(references.length ? { reference_images: references } : {})
        })
        connection.reportOnline(true)
      } catch (error) {
        if (isOffline(error)) connection.reportOnline(false)
        else if (isAppError(error) && error.status !== undefined) connection.reportOnline(true)
        throw sendFailure(error, Boolean(input.conversationId))
      }
      if (!validId(started.run_id) || !validId(started.conversation_id)) {
        throw new AppError('invalid_response', 'Krev’s answer to your message was incomplete. Please try again.', { retryable: false })
      }

      const at = now()
      const b = await book(mode)
      const c = b.byId.get(started.conversation_id) ?? newConversation(started.conversation_id, input.message, at)
      b.byId.set(c.id, c)
      const local = `${LOCAL_ID_PREFIX}${started.run_id}`
      const run: StoredRun = {
        runId: started.run_id,
        // Always 'queued' until the first poll: even a run Krev calls finished must be
        // polled once for its answer.
        status: 'queued',
        assistantText: '',
        generationIds: [],
        error: null,
        userMessageId: validId(started.user_message_id) ? started.user_message_id : `${local}-user`,
        assistantMessageId: validId(started.assistant_message_id) ? started.assistant_message_id : `${local}-assistant`,
        productIds: input.productIds ?? [],
        createdAt: at,
        updatedAt: at
      }
      const userMessage = {
        id: run.userMessageId,
        role: 'user' as const,
        text: input.message,
        createdAt: at,
        generationIds: [],
        mediaUrls: [],
        ...(input.productIds?.length ? { productIds: input.productIds } : {}),
        ...(input.referenceImages?.length ? { referenceImages: input.referenceImages } : {}),
        ...(input.referenceAssetIds?.length ? { referenceAssetIds: input.referenceAssetIds } : {})
      }
      c.agent = input.agent
      c.messages = mergeMessages(c.messages, [userMessage], at).messages
      c.runs.push(run)
      c.updatedAt = at
      // Saved before answering: if the app dies now, resume() still finds and polls the run.
      await persist(b)
      tracker.track({ mode, conversationId: c.id, runId: run.runId })
      return runView(c, run)
    },

    ...manageConversations({ mode: () => connection.mode(), book, persist, deliveries, now }),

    async conversation(id) {
      const mode = connection.mode()
      const b = await book(mode)
      const remote = await fetchConversation(id, b.byId.has(id))
      let c = b.byId.get(id)
      if (remote) {
        const at = now()
        const incoming = mapTranscript(remote.messages).filter((m) => !isLocalId(m.id))
        const created = !c
        if (!c) {
          // Known to Krev but not here (e.g. pruned locally): kept from now on.
          const firstUser = incoming.find((m) => m.role === 'user')?.text
          c = newConversation(id, firstUser ?? remote.title ?? '', at)
          b.byId.set(id, c)
        }
        const merged = mergeMessages(c.messages, incoming, at)
        if (merged.changed || created) {
          c.messages = merged.messages
          const newest = merged.messages.at(-1)?.createdAt ?? at
          if (newest > c.updatedAt) c.updatedAt = newest
          await persist(b)
        }
      }
      if (!c) throw new AppError('not_found', 'This conversation isn’t on this computer any more.', { retryable: false })
      // Its unfinished runs are followed (e.g. after a mode switch back).
      for (const run of c.runs) if (isActive(run.status)) tracker.track({ mode, conversationId: c.id, runId: run.runId })
      const latest = lastRun(c)
      const generations = (await deliveries?.views(mode, c.id)) ?? []
      return { id: c.id, agent: c.agent, messages: c.messages, activeRun: latest ? runView(c, latest) : null, generations }
    },

    async resume() {
      await resumeMode(connection.mode())
      tracker.wake()
    },

    async idle() {
      await tracker.idle()
      await store.flush()
    },

    dispose() {
      life.abort()
      unsubscribe()
      tracker.dispose()
    }
  }
}
