// The built out/preload/index.cjs, run the way a sandboxed renderer runs it: a vm context,
// the double's limited `require`, a contextBridge that copies what crosses. The page must
// get exactly invoke/on on window.krev, for contract names only.
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { INVOKE_CHANNEL, EVENT_CHANNEL } from '../../src-preload/channels'
import { commands, events } from '../../src-preload/contract'
import { runPreload } from './harness/run-preload'
import { createSandboxedRenderer } from './electron-double/sandboxed-renderer'

const PRELOAD = resolve(import.meta.dirname, '../../out/preload/index.cjs')

function load() {
  const sent: Array<{ channel: string; args: unknown[] }> = []
  const loaded = runPreload(PRELOAD, {
    invoke: async (channel, args) => {
      sent.push({ channel, args })
      return { ok: true, data: { echoed: args } }
    },
    send: () => undefined
  })
  const krev = loaded.mainWorld['krev'] as {
    invoke(name: string, input?: unknown): Promise<{ ok: boolean; error?: { code: string } }>
    on(event: string, cb: (payload: unknown) => void): () => void
  }
  return { ...loaded, krev, sent }
}

describe('production preload under a sandboxed renderer', () => {
  it('exposes exactly invoke, on and pathForFile on window.krev, and nothing else on window', () => {
    const { mainWorld, krev, renderer } = load()
    expect(Object.keys(mainWorld)).toEqual(['krev'])
    expect(Object.keys(krev).sort()).toEqual(['invoke', 'on', 'pathForFile'])
    expect(Object.isFrozen(krev)).toBe(true)
    expect(renderer.required.every((id) => id === 'electron')).toBe(true)
  })

  it('forwards every contract command over the one invoke channel', async () => {
    const { krev, sent } = load()
    for (const name of Object.keys(commands)) {
      await krev.invoke(name, { probe: name })
    }
    expect(sent).toEqual(Object.keys(commands).map((name) => ({ channel: INVOKE_CHANNEL, args: [name, { probe: name }] })))
  })

  it.each(['app.nope', 'toString', '__proto__', 'krev:invoke', ''])('refuses %j without calling ipcRenderer', async (name) => {
    const { krev, sent, renderer } = load()
    const reply = await krev.invoke(name, {})
    expect(reply).toMatchObject({ ok: false, error: { code: 'unknown_command' } })
    expect(sent).toEqual([])
    expect(renderer.ipcRenderer.invoked).toEqual([])
  })

  it('delivers contract events to listeners and ignores others', () => {
    const { krev, renderer } = load()
    const [event] = Object.keys(events)
    const got: unknown[] = []
    const off = krev.on(event!, (p) => got.push(p))
    krev.on('not.an.event', (p) => got.push(['wrong', p]))
    renderer.deliver(EVENT_CHANNEL, [event, { n: 1 }])
    renderer.deliver(EVENT_CHANNEL, ['not.an.event', { n: 2 }])
    off()
    renderer.deliver(EVENT_CHANNEL, [event, { n: 3 }])
    expect(got).toEqual([{ n: 1 }])
  })

  it('could require nothing but electron: the sandboxed require throws for anything else', () => {
    const { require } = createSandboxedRenderer({ mainWorld: {}, transport: { invoke: async () => null, send: () => undefined } })
    for (const id of ['fs', 'node:path', 'child_process', './contract', 'zod']) expect(() => require(id)).toThrow(/module not found/)
  })
})
