import { describe, expect, it } from 'vitest'
import { CONV, fakeSleep } from './fakes'
import { answer, call, send, start, stored, useHarness } from './harness'

/** Conversations renamed, searched and deleted on this computer; the agent kept per conversation. */

const h = useHarness()
type Items = { items: { id: string; title: string; agent: string | null }[] }

describe('managing conversations locally', () => {
  it('searches titles and message text, every word, ignoring case and accents', async () => {
    h.krev.script.set('run-1', [answer('run-1', 'A warm café scene with linen')])
    h.krev.script.set('run-2', [answer('run-2', 'Studio packshots')])
    const { feature, router } = start(h, fakeSleep())
    await send(router, { message: 'Lifestyle ideas for the tote' })
    await send(router, { message: 'Ideas for the wallet' })
    await feature.service.idle()

    const ids = async (search: string) => (await call<Items>(router, 'chat.conversations', { search })).items.map((c) => c.id)
    expect(await ids('CAFE linen')).toEqual([CONV])
    expect(await ids('wallet')).toEqual(['c-2'])
    expect(await ids('ideas')).toHaveLength(2)
    expect(await ids('nothing like this')).toEqual([])
  })

  it('renames and deletes locally; a bad title changes nothing', async () => {
    h.krev.script.set('run-1', [answer('run-1', 'one')])
    const { feature, router } = start(h, fakeSleep())
    await send(router, { agent: 'discover' })
    await feature.service.idle()

    await expect(call(router, 'chat.rename', { id: CONV, title: '   ' })).rejects.toThrow()
    expect(await call(router, 'chat.rename', { id: CONV, title: 'Tote research' })).toMatchObject({ id: CONV, title: 'Tote research', agent: 'discover' })
    expect((await stored(h)).conversations[0]).toMatchObject({ title: 'Tote research', agent: 'discover' })
    // The agent it was briefed with comes back when it is opened.
    expect(await call(router, 'chat.conversation', { id: CONV })).toMatchObject({ agent: 'discover' })

    expect(await call(router, 'chat.delete', { id: CONV })).toEqual({ deleted: true })
    expect(await call(router, 'chat.delete', { id: CONV })).toEqual({ deleted: false })
    expect((await call<Items>(router, 'chat.conversations', {})).items).toEqual([])
    expect((await stored(h)).conversations).toEqual([])
    await expect(call(router, 'chat.rename', { id: CONV, title: 'Gone' })).rejects.toThrow(/isn’t on this computer/)
  })
})
