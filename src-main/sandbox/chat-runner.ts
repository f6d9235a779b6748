import { HttpError } from './http'
import { planReply, type PlannedGeneration } from './chat-agent'
import type { GenerationEngine } from './generations'
import { priceAds, priceImages, priceVideo } from './ledger'
import type { MediaStore } from './media'
import type { UrlSigner } from './signing'
import type { Store } from './store'
import type { ChatAgent, ConversationRecord, GenerationParams, MessageRecord, RunRecord, UserRecord } from './types'
import { writeAdCopy } from './ad-copy'
import { isoSeconds, newId } from './util'

export interface ChatRunnerDeps {
  store: Store
  media: MediaStore
  generations: GenerationEngine
  speed: number
  log: (line: string) => void
}

export interface StartChat {
  message: string
  conversation: ConversationRecord | null
  productIds: string[]
  referenceImages: string[]
  agent: ChatAgent
}

const JOB_STATUS: Record<RunRecord['status'], string> = { queued: 'waiting', running: 'active', succeeded: 'completed', failed: 'failed' }

/**
 * Async agent runs: queued → running (the agent writes its answer and queues any
 * generations through the normal engine and ledger) → succeeded once those generations
 * have settled, so a finished run always carries its media.
 */
export class ChatRunner {
  private readonly timers = new Set<NodeJS.Timeout>()
  private closed = false

  constructor(private readonly deps: ChatRunnerDeps) {}

  start(user: UserRecord, input: StartChat): { conversation: ConversationRecord; run: RunRecord } {
    const now = isoSeconds()
    const conversation: ConversationRecord = input.conversation ?? {
      id: newId(),
      userId: user.id,
      title: input.message.replace(/\s+/g, ' ').slice(0, 60),
      messages: [],
      runIds: [],
      createdAt: now,
      updatedAt: now
    }
    const userMessage: MessageRecord = { id: newId(), role: 'user', content: input.message, createdAt: now }
    const assistantMessage: MessageRecord = { id: newId(), role: 'assistant', content: '', createdAt: now }
    // A follow-up without products keeps the products of the conversation's last run.
    const previous = conversation.runIds.map((id) => this.deps.store.runs.get(id)).filter(Boolean).at(-1)
    const run: RunRecord = {
      id: newId(),
      jobId: newId(),
      conversationId: conversation.id,
      userId: user.id,
      status: 'queued',
      agent: input.agent,
      message: input.message,
      productIds: input.productIds.length ? input.productIds : previous?.productIds ?? [],
      referenceImages: input.referenceImages,
      userMessageId: userMessage.id,
      assistantMessageId: assistantMessage.id,
      generationIds: [],
      artifacts: [],
      error: null,
      createdAt: now,
      updatedAt: now,
      completedAt: null
    }
    conversation.messages.push(userMessage, assistantMessage)
    conversation.runIds.push(run.id)
    conversation.updatedAt = now
    this.deps.store.conversations.set(conversation.id, conversation)
    this.deps.store.runs.set(run.id, run)
    this.deps.store.changed()
    this.schedule(run)
    return { conversation, run }
  }

  resume(): void {
    for (const run of this.deps.store.runs.values()) {
      if (run.status === 'queued' || run.status === 'running') this.schedule(run)
    }
  }

  private later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      if (!this.closed) fn()
    }, ms)
    this.timers.add(timer)
  }

  private schedule(run: RunRecord): void {
    this.later(500 / this.deps.speed, () => {
      this.update(run, { status: 'running' })
      this.later(1500 / this.deps.speed, () => {
        void this.execute(run).catch((error: unknown) => {
          this.deps.log(`sandbox: chat run ${run.id} failed: ${String(error)}`)
          this.update(run, { status: 'failed', error: 'The agent run failed unexpectedly', completedAt: isoSeconds() })
        })
      })
    })
  }

  private update(run: RunRecord, patch: Partial<RunRecord>): void {
    Object.assign(run, patch, { updatedAt: isoSeconds() })
    const conversation = this.deps.store.conversations.get(run.conversationId)
    if (conversation) conversation.updatedAt = run.updatedAt
    this.deps.store.changed()
  }

  private assistantMessage(run: RunRecord): MessageRecord | undefined {
    return this.deps.store.conversations.get(run.conversationId)?.messages.find((m) => m.id === run.assistantMessageId)
  }

  private async execute(run: RunRecord): Promise<void> {
    const user = this.deps.store.users.get(run.userId)
    if (!user) throw new Error('user vanished')
    // A run resumed after a restart may already have queued its generations.
    if (!run.generationIds.length) {
      const products = run.productIds.map((id) => this.deps.store.products.get(id)).filter((p) => p !== undefined)
      const plan = planReply({ message: run.message, agent: run.agent, products, credits: user.credits })
      const notes: string[] = []
      const records: Array<Record<string, unknown>> = []
      for (const planned of plan.generations) {
        const queued = this.queue(user, planned, run)
        if ('note' in queued) notes.push(queued.note)
        else {
          run.generationIds.push(queued.id)
          records.push(generationArtifact(queued.id, planned.kind, queued.params, queued.price))
        }
      }
      const message = this.assistantMessage(run)
      if (message) message.content = [plan.text, ...notes].join('\n\n')
      this.update(run, { artifacts: [...plan.artifacts, ...records] })
    }
    const settled = await Promise.all(run.generationIds.map((id) => this.deps.generations.settled(id)))
    if (this.closed) return
    const failed = settled.filter((g) => g.status === 'failed').length
    const message = this.assistantMessage(run)
    if (failed && message && !message.content.includes('refunded')) {
      message.content += `\n\n${failed} generation${failed > 1 ? 's' : ''} failed; the credits were refunded.`
    }
    this.update(run, {
      status: 'succeeded',
      completedAt: isoSeconds(),
      artifacts: run.artifacts.map((a) => {
        const g = a.type === 'generation' ? this.deps.store.generations.get(String(a.generation_id)) : undefined
        // A failed generation is refunded: it cost nothing in the end.
        return g ? { ...a, kind: g.kind, status: g.status, credits_used: g.refunded ? 0 : g.creditsCharged } : a
      })
    })
  }

  /** Queues one planned generation, or explains why it could not be (e.g. credits). */
  private queue(user: UserRecord, planned: PlannedGeneration, run: RunRecord): { id: string; params: GenerationParams; price: number } | { note: string } {
    const params: GenerationParams = {
      prompt: planned.prompt,
      aspectRatio: planned.aspectRatio,
      productIds: planned.productIds,
      presetId: planned.presetId,
      hd: false,
      imageCount: planned.kind === 'video' ? 1 : planned.count === 3 ? 4 : planned.count,
      referenceImages: run.referenceImages,
      duration: planned.kind === 'video' ? 5 : undefined,
      audioMode: planned.kind === 'video' ? 'auto' : undefined
    }
    const price = planned.kind === 'video' ? priceVideo(5) : planned.kind === 'ad' ? priceAds(params.imageCount) : priceImages(params.imageCount, false)
    const products = planned.productIds.map((id) => this.deps.store.products.get(id)).filter((p) => p !== undefined)
    const adCopy = planned.kind === 'ad'
      ? writeAdCopy(planned.prompt, products.map((p) => ({ name: p.name, type: String(p.metadata.productType ?? 'product') })), null, null)
      : null
    try {
      return { id: this.deps.generations.accept(user, planned.kind, params, price, { source: 'chat', adCopy }).id, params, price }
    } catch (error) {
      if (error instanceof HttpError && error.status === 402) {
        return { note: `I could not start the ${planned.kind} generation: it needs ${price} credits and you have ${user.credits}.` }
      }
      throw error
    }
  }

  view(run: RunRecord, signer: UrlSigner): Record<string, unknown> {
    const conversation = this.deps.store.conversations.get(run.conversationId)
    const upTo = conversation ? conversation.messages.findIndex((m) => m.id === run.assistantMessageId) : -1
    const messages = (conversation?.messages.slice(0, upTo + 1) ?? []).map(messageView)
    const generations = run.generationIds.map((id) => this.deps.store.generations.get(id)).filter((g) => g !== undefined)
    const text = this.assistantMessage(run)?.content ?? ''
    return {
      run_id: run.id,
      conversation_id: run.conversationId,
      status: run.status,
      job_status: JOB_STATUS[run.status],
      assistant_text: text || null,
      messages,
      artifacts: run.artifacts,
      generation_ids: run.generationIds,
      generations: generations.map((g) => this.deps.generations.view(g, signer)),
      media_urls: generations.filter((g) => g.status === 'succeeded').flatMap((g) => g.outputs.map((name) => this.deps.media.url(signer, g.userId, name))),
      error: run.error,
      created_at: run.createdAt,
      updated_at: run.updatedAt
    }
  }

  conversationView(conversation: ConversationRecord): Record<string, unknown> {
    return {
      id: conversation.id,
      title: conversation.title,
      messages: conversation.messages.map(messageView),
      runs: conversation.runIds.map((id) => ({ run_id: id, status: this.deps.store.runs.get(id)?.status ?? 'failed' })),
      created_at: conversation.createdAt,
      updated_at: conversation.updatedAt
    }
  }

  close(): void {
    this.closed = true
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
  }
}

/** A run's record of one generation it started: what was asked and what it cost. */
function generationArtifact(id: string, kind: PlannedGeneration['kind'], p: GenerationParams, price: number): Record<string, unknown> {
  return {
    type: 'generation',
    generation_id: id,
    kind,
    prompt: p.prompt,
    aspect_ratio: p.aspectRatio,
    image_count: p.imageCount,
    product_ids: p.productIds,
    ...(p.duration ? { duration: p.duration } : {}),
    credits_used: price
  }
}

const messageView = (m: MessageRecord) => ({ id: m.id, role: m.role, content: m.content, created_at: m.createdAt })
