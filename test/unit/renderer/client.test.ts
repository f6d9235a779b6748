import { afterEach, describe, expect, it } from 'vitest'
import {
  errorMessage,
  invoke,
  isConnected,
  StudioError,
  subscribe
} from '../../../src-renderer/src/api/client'
import { fail, installFakeBridge, ok, removeBridge } from './fake-bridge'

afterEach(removeBridge)

describe('api client', () => {
  it('returns the data of a successful envelope', async () => {
    installFakeBridge({ 'app.ping': (input: unknown) => ok({ message: (input as { message: string }).message, at: 'now' }) })
    await expect(invoke('app.ping', { message: 'hi' })).resolves.toEqual({ message: 'hi', at: 'now' })
  })

  it('throws a typed StudioError for an error envelope', async () => {
    installFakeBridge({ 'account.credits': fail('rate_limited', 'Slow down', { retryable: true, retryAfterMs: 3000 }) })
    const error = await invoke('account.credits', {}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StudioError)
    expect(error).toMatchObject({ code: 'rate_limited', message: 'Slow down', retryable: true, retryAfterMs: 3000 })
  })

  it('answers not_connected, without crashing, when window.krev is missing', async () => {
    expect(isConnected()).toBe(false)
    const error = await invoke('app.info', {}).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'not_connected' })
    expect(errorMessage(error)).toMatch(/Not connected to Krev Studio/)
    expect(subscribe('app.notice', () => undefined)).toBeTypeOf('function')
  })

  it('turns a rejected or malformed reply into an error', async () => {
    const { api } = installFakeBridge()
    api.invoke = (() => Promise.reject(new Error('boom'))) as typeof api.invoke
    await expect(invoke('app.info', {})).rejects.toMatchObject({ code: 'internal', retryable: true })
    api.invoke = (() => Promise.resolve('garbage')) as unknown as typeof api.invoke
    await expect(invoke('app.info', {})).rejects.toMatchObject({ code: 'invalid_response' })
  })

  it('words any failure for people', async () => {
    installFakeBridge({ 'products.list': fail('io', 'The catalog could not be read') })
    const error = await invoke('products.list', {}).catch((e: unknown) => e)
    expect(errorMessage(error)).toBe('The catalog could not be read')
    expect(errorMessage(new Error('plain'))).toBe('plain')
    expect(errorMessage(42)).toMatch(/Something went wrong/)
  })
})
