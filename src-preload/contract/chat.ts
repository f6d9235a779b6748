import { z } from 'zod'
import { count, id, isoTime, mediaKind, nonEmptyText, text, url } from './common'
import { jobStatus } from './generation'
import { CHAT_AGENTS } from './values'

export const agent = z.enum(CHAT_AGENTS)
export const runStatus = z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled'])

export const chatMessage = z.object({
  id,
  role: z.enum(['user', 'assistant', 'tool']),
  text: z.string(),
  createdAt: isoTime,
  generationIds: z.array(z.string()),
  mediaUrls: z.array(z.string()),
  /** What the creator attached to a message they sent (kept locally; Krev's transcript has neither). */
  productIds: z.array(id).max(10).optional(),
  referenceImages: z.array(z.string()).max(8).optional(),
  /** Library outputs sent as references (their Krev links were resolved when sent). */
  referenceAssetIds: z.array(id).max(8).optional()
})
export type ChatMessage = z.infer<typeof chatMessage>

/**
 * A generation a chat run reported, as the thread shows it: followed by a queue job
 * (queue.adopt) and downloaded into the Library. `status` is the job's (null: no job yet);
 * `credits` what Krev charged (0 once refunded; null: not known).
 */
export const chatGeneration = z.object({
  generationId: z.string(),
  messageId: id,
  jobId: id.nullable(),
  kind: mediaKind,
  status: jobStatus.nullable(),
  progress: z.number().min(0).max(100),
  credits: count.nullable(),
  assetIds: z.array(id),
  error: z.string().nullable()
})
export type ChatGeneration = z.infer<typeof chatGeneration>

export const chatRun = z.object({
  runId: id,
  conversationId: id,
  status: runStatus,
  assistantText: z.string(),
  messages: z.array(chatMessage),
  generationIds: z.array(z.string()),
  error: z.string().nullable(),
  updatedAt: isoTime
})
export type ChatRun = z.infer<typeof chatRun>

export const conversationSummary = z.object({
  id,
  title: z.string(),
  /** The agent the conversation was last briefed with: the composer picks it again. */
  agent: agent.nullable(),
  updatedAt: isoTime,
  lastStatus: runStatus.nullable()
})

export const chatCommands = {
  'chat.send': {
    input: z
      .object({
        message: nonEmptyText(8000),
        conversationId: id.optional(),
        productIds: z.array(id).max(10).optional(),
        referenceImages: z.array(url).max(8).optional(),
        /** Library outputs as references: main asks Krev for their current links. */
        referenceAssetIds: z.array(id).max(8).optional(),
        agent: agent.default('auto')
      })
      .strict(),
    output: chatRun
  },
  /** This mode's conversations, newest first; `search` matches titles and message text (local). */
  'chat.conversations': {
    input: z.object({ search: text(200).optional() }).strict(),
    output: z.object({ items: z.array(conversationSummary) })
  },
  'chat.conversation': {
    input: z.object({ id }).strict(),
    output: z.object({
      id,
      agent: agent.nullable(),
      messages: z.array(chatMessage),
      activeRun: chatRun.nullable(),
      generations: z.array(chatGeneration)
    })
  },
  /** Renames a conversation on this computer (Krev keeps its own title). */
  'chat.rename': { input: z.object({ id, title: nonEmptyText(120) }).strict(), output: conversationSummary },
  /** Deletes a conversation from this computer; its Library assets stay. Krev keeps its copy. */
  'chat.delete': { input: z.object({ id }).strict(), output: z.object({ deleted: z.boolean() }) }
} as const

export const chatEvents = {
  'chat.run': chatRun
} as const
