import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MediaStore } from '../../../src-main/sandbox/media'
import { Store } from '../../../src-main/sandbox/store'
import type { SandboxState } from '../../../src-main/sandbox/types'
import { tempDirs } from '../../support/temp-dirs'

const readState = async (dir: string) => JSON.parse(await readFile(join(dir, 'state.json'), 'utf8')) as SandboxState

describe('sandbox store', () => {
  const dir = tempDirs('krev-sbx-unit-')

  it('writes state atomically and reads it back', async () => {
    const d = await dir()
    const store = await Store.open(d, () => undefined)
    store.users.set('u', { id: 'u', credits: 5, limit: 10, plan: 'pro', planName: 'Pro' })
    store.changed()
    await store.close()
    expect(await readdir(d)).toEqual(['state.json'])
    const again = await Store.open(d, () => undefined)
    expect(again.users.get('u')?.credits).toBe(5)
    expect(again.secret).toBe(store.secret)
    expect((await readState(d)).version).toBe(1)
  })

  it('removes the temp files a crash mid-write left, in the current and the older naming', async () => {
    const d = await dir()
    await writeFile(join(d, '.state.json.0123456789ab.tmp'), '{"keys":"sk_live_plaintext"}')
    await writeFile(join(d, 'state.json.4242.1700000000000.tmp'), '{}')
    await writeFile(join(d, 'notes.tmp'), 'not ours')
    const store = await Store.open(d, () => undefined)
    await store.close()
    expect((await readdir(d)).sort()).toEqual(['notes.tmp', 'state.json'])
  })

  it('coalesces many changes into few writes, none torn', async () => {
    const d = await dir()
    const store = await Store.open(d, () => undefined)
    for (let i = 0; i < 200; i++) {
      store.users.set(`u${i}`, { id: `u${i}`, credits: i, limit: 10, plan: 'pro', planName: 'Pro' })
      store.changed()
      if (i % 50 === 0) await store.flush()
    }
    await store.close()
    expect(Object.keys((await readState(d)).users)).toHaveLength(200)
  })

  it('media paths never leave the media root', async () => {
    const media = new MediaStore(await dir())
    expect(() => media.pathFor('default', '../state.json')).toThrow()
    expect(() => media.pathFor('..', 'a.png')).toThrow()
    expect(() => media.pathFor('default', 'a.png\0.jpg')).toThrow()
    expect(() => media.pathFor('default', 'CON.png')).toThrow()
    expect(() => media.pathFor('default', 'C:\\x.png')).toThrow()
    expect(media.pathFor('default', '0a-original.png').startsWith(media.root)).toBe(true)
  })
})
