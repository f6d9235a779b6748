import { isMetaMutation } from './chat-agent'
import { apiCaller, apiPost } from './caller'
import { HttpError, ok, type ApiResult, type RequestContext } from './http'
import { imageRefList } from './media-ref'
import { ownedProducts } from './routes-generate'
import type { Route } from './router'
import type { Services } from './services'
import { isUuid } from './util'
import { chatRequest } from '../krev/wire'
import { uniqueIds } from './wire-body'

async function postChat(services: Services, ctx: RequestContext): Promise<ApiResult> {
  const { user, body, req } = apiPost(ctx, chatRequest)
  const message = req.message.trim()
  const conversationId = req.conversation_id?.toLowerCase() ?? null
  const productIds = uniqueIds(req.product_ids)
  const referenceImages = await imageRefList(services, body, 'reference_images')
  const agent = req.agent
  ownedProducts(services, user, productIds)
  let conversation = null
  if (conversationId) {
    conversation = services.store.conversations.get(conversationId) ?? null
    if (!conversation || conversation.userId !== user.id) throw new HttpError(404, 'Conversation not found')
  }
  if (isMetaMutation(message)) {
    throw new HttpError(403, 'Meta campaign and account changes are not available in the public chat API')
  }
  const { run } = services.chat.start(user, { message, conversation, productIds, referenceImages, agent })
  return ok({
    conversation_id: run.conversationId,
    user_message_id: run.userMessageId,
    assistant_message_id: run.assistantMessageId,
    run_id: run.id,
    job_id: run.jobId,
    status: run.status,
    poll_url: `${services.baseUrl()}/api/v1/chat/runs/${run.id}`
  })
}

async function getRun(services: Services, ctx: RequestContext): Promise<ApiResult> {
  const user = apiCaller(ctx)
  if (!isUuid(ctx.params.id)) throw new HttpError(400, 'run id must be a UUID')
  const run = services.store.runs.get(ctx.params.id.toLowerCase())
  if (!run || run.userId !== user.id) throw new HttpError(404, 'Run not found')
  return ok(services.chat.view(run, services.signer))
}

async function getConversation(services: Services, ctx: RequestContext): Promise<ApiResult> {
  const user = apiCaller(ctx)
  if (!isUuid(ctx.params.id)) throw new HttpError(400, 'conversation id must be a UUID')
  const conversation = services.store.conversations.get(ctx.params.id.toLowerCase())
  if (!conversation || conversation.userId !== user.id) throw new HttpError(404, 'Conversation not found')
  return ok(services.chat.conversationView(conversation))
}

export function chatRoutes(services: Services): Route[] {
  return [
    { method: 'POST', pattern: '/api/v1/chat', auth: 'bearer', scopes: ['chat'], handler: (ctx) => postChat(services, ctx) },
    { method: 'GET', pattern: '/api/v1/chat/runs/:id', auth: 'bearer', scopes: ['chat'], handler: (ctx) => getRun(services, ctx) },
    { method: 'GET', pattern: '/api/v1/chat/conversations/:id', auth: 'bearer', scopes: ['chat'], handler: (ctx) => getConversation(services, ctx) }
  ]
}
