import { z } from 'zod'
import { empty, id, isoTime, nonEmptyText, url } from './common'
import { CHAT_AGENTS } from './values'

export const agent = z.enum(CHAT_AGENTS)
export const runStatus = z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled'])

export const chatMessage = z.object({
  id,
  role: z.enum(['user', 'assistant', 'tool']),
  text: z.string(),
  createdAt: isoTime,
  generationIds: z.array(z.string()),
  mediaUrls: z.array(z.string())
})
export type ChatMessage = z.infer<typeof chatMessage>

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
        agent: agent.default('auto')
      })
      .strict(),
    output: chatRun
  },
  'chat.conversations': { input: empty, output: z.object({ items: z.array(conversationSummary) }) },
  'chat.conversation': {
    input: z.object({ id }).strict(),
    output: z.object({ id, messages: z.array(chatMessage), activeRun: chatRun.nullable() })
  }
} as const

export const chatEvents = {
  'chat.run': chatRun
} as const
