import { describe, expect, it, vi } from 'vitest'
import { createRouter, type Handlers } from '../../../src-main/ipc/router'
import { AppError } from '../../../src-main/core/app-error'
import { withUnusedHandlers } from '../../support/handlers'

const ctx = { transport: 'test' as const }

function makeRouter(overrides: Partial<Handlers> = {}, onInternalError = vi.fn()) {
  const ping = vi.fn<Handlers['app.ping']>(async ({ message }) => ({ message, at: '2026-01-01T00:00:00.000Z' }))
  const router = createRouter(withUnusedHandlers({ 'app.ping': ping, ...overrides }), { onInternalError })
  return { router, ping, onInternalError }
}

describe('router', () => {
  it('runs a valid command and wraps its result', async () => {
    const { router, ping } = makeRouter()
    const reply = await router.dispatch('app.ping', { message: 'hi' }, ctx)
    expect(reply).toEqual({ ok: true, data: { message: 'hi', at: '2026-01-01T00:00:00.000Z' } })
    expect(ping).toHaveBeenCalledOnce()
  })

  it.each([
    ['an unknown name', 'app.nope'],
    ['__proto__', '__proto__'],
    ['constructor', 'constructor'],
    ['toString', 'toString'],
    ['hasOwnProperty', 'hasOwnProperty'],
    ['a number', 42],
    ['null', null],
    ['an object', { name: 'app.ping' }],
    ['a 10 MB name', 'x'.repeat(10 * 1024 * 1024)]
  ])('refuses %s as a command name', async (_label, name) => {
    const { router, ping } = makeRouter()
    const reply = await router.dispatch(name, { message: 'hi' }, ctx)
    expect(reply.ok).toBe(false)
    if (!reply.ok) {
      expect(reply.error.code).toBe('unknown_command')
      expect(reply.error.retryable).toBe(false)
      expect(reply.error.message.length).toBeLessThan(200)
    }
    expect(ping).not.toHaveBeenCalled()
  })

  const protoPolluted = JSON.parse('{"message":"hi","__proto__":{"polluted":true}}') as unknown
  it.each([
    ['a wrong type', { message: 42 }],
    ['NaN', { message: Number.NaN }],
    ['a 10 MB string', { message: 'x'.repeat(10 * 1024 * 1024) }],
    ['an extra key', { message: 'hi', extra: true }],
    ['a __proto__ key', protoPolluted],
    ['a constructor key', { message: 'hi', constructor: { prototype: {} } }],
    ['an array', ['hi']],
    ['a string', 'hi'],
    ['null', null]
  ])('refuses %s as input without calling the handler', async (_label, input) => {
    const { router, ping } = makeRouter()
    const reply = await router.dispatch('app.ping', input, ctx)
    expect(reply.ok).toBe(false)
    if (!reply.ok) expect(reply.error.code).toBe('invalid_input')
    expect(ping).not.toHaveBeenCalled()
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
  })

  it('refuses NaN and Infinity in numeric fields', async () => {
    const list = vi.fn<Handlers['products.list']>(async () => ({ items: [], total: 0 }))
    const { router } = makeRouter({ 'products.list': list })
    for (const limit of [Number.NaN, Number.POSITIVE_INFINITY, 1.5, 0, 101]) {
      const reply = await router.dispatch('products.list', { limit }, ctx)
      expect(reply.ok).toBe(false)
    }
    expect(list).not.toHaveBeenCalled()
  })

  it('names the offending field in the message', async () => {
    const { router } = makeRouter()
    const reply = await router.dispatch('app.ping', { message: 7 }, ctx)
    expect(!reply.ok && reply.error.message).toMatch(/^message: /)
  })

  it('passes an AppError through as a typed error with retry hints', async () => {
    const { router } = makeRouter({
      'app.ping': async () => {
        throw new AppError('rate_limited', 'Slow down', { retryAfterMs: 1500 })
      }
    })
    const reply = await router.dispatch('app.ping', { message: 'x' }, ctx)
    expect(reply).toEqual({
      ok: false,
      error: { code: 'rate_limited', message: 'Slow down', retryable: true, retryAfterMs: 1500 }
    })
  })

  it('turns an unexpected throw into an internal error without leaking its text', async () => {
    const onInternalError = vi.fn()
    const { router } = makeRouter(
      {
        'app.ping': async () => {
          throw new Error('secret detail sk_live_abc')
        }
      },
      onInternalError
    )
    const reply = await router.dispatch('app.ping', { message: 'x' }, ctx)
    expect(reply.ok).toBe(false)
    if (!reply.ok) {
      expect(reply.error.code).toBe('internal')
      expect(reply.error.message).not.toContain('secret')
    }
    expect(onInternalError).toHaveBeenCalledOnce()
  })

  it('refuses a handler reply that breaks the contract', async () => {
    const { router, onInternalError } = makeRouter({
      'app.ping': async () => ({ message: 1 }) as never
    })
    const reply = await router.dispatch('app.ping', { message: 'x' }, ctx)
    expect(!reply.ok && reply.error.code).toBe('internal')
    expect(onInternalError).toHaveBeenCalledOnce()
  })

  it('refuses to register a handler for a name outside the contract', () => {
    expect(() => createRouter({ bogus: async () => ({}) } as unknown as Handlers)).toThrow(/unknown command/)
  })

  it('applies contract defaults before the handler sees the input', async () => {
    const submit = vi.fn<Handlers['generation.submit']>(async () => ({}) as Awaited<ReturnType<Handlers['generation.submit']>>)
    const { router } = makeRouter({ 'generation.submit': submit })
    await router.dispatch('generation.submit', { kind: 'image', params: { prompt: 'a bag' } }, ctx)
    expect(submit.mock.calls[0]?.[0]).toEqual({
      kind: 'image',
      params: { prompt: 'a bag', aspectRatio: '1:1', hd: false, imageCount: 1 }
    })
  })
})
