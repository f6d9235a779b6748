import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { Job } from '../../../src-preload/contract'
import { generationCommands } from '../../../src-preload/contract/generation'
import { createSubmitOnce, RECENT_ACTION_MS, RECENT_ACTIONS } from '../../../src-main/queue/submit-once'
import type { StoredJob } from '../../../src-main/queue/job-model'
import { clock, ctx, imageReq, offline, start, storedJob, useHarness } from './fakes'

/** One user action, one job: a repeated action id is answered the job it made, never POSTed twice. */

const h = useHarness()
const submitInput = (actionId?: string) => ({ ...imageReq(), ...(actionId ? { actionId } : {}) })

describe('generation.submit with an action id', () => {
  it('the same id again answers the same job and POSTs once', async () => {
    const f = start(h)
    const action = randomUUID()
    const first = await f.handlers['generation.submit'](submitInput(action), ctx)
    await f.idle()
    const again = await f.handlers['generation.submit'](submitInput(action), ctx)
    await f.idle()
    expect(again.id).toBe(first.id)
    // Answered as it is now, not as it was when first made.
    expect(again.status).toBe('succeeded')
    expect(h.krev.posts).toHaveLength(1)
    expect((await f.handlers['queue.list']({}, ctx)).jobs.map((j) => j.id)).toEqual([first.id])
  })

  it('different ids (and no id) make a job each', async () => {
    const f = start(h)
    const a = await f.handlers['generation.submit'](submitInput(randomUUID()), ctx)
    const b = await f.handlers['generation.submit'](submitInput(randomUUID()), ctx)
    const c = await f.handlers['generation.submit'](submitInput(), ctx)
    const d = await f.handlers['generation.submit'](submitInput(), ctx)
    await f.idle()
    expect(new Set([a.id, b.id, c.id, d.id]).size).toBe(4)
    expect(h.krev.posts).toHaveLength(4)
  })

  it('concurrent submits of one id race to one job and one POST', async () => {
    const f = start(h)
    const action = randomUUID()
    const answers = await Promise.all([1, 2, 3].map(() => f.handlers['generation.submit'](submitInput(action), ctx)))
    await f.idle()
    expect(new Set(answers.map((j) => j.id)).size).toBe(1)
    expect(h.krev.posts).toHaveLength(1)
    expect((await f.handlers['queue.list']({}, ctx)).jobs).toHaveLength(1)
  })

  it('keeps the id with the job, not in its request: after a restart the same id answers the saved job', async () => {
    const a = start(h)
    const action = randomUUID()
    const first = await a.handlers['generation.submit'](submitInput(action), ctx)
    await a.idle()
    a.dispose()
    expect(storedJob(h, first.id)).toMatchObject({ actionId: action, request: imageReq() })
    expect(storedJob(h, first.id)?.request).not.toHaveProperty('actionId')

    const b = start(h)
    const again = await b.handlers['generation.submit'](submitInput(action), ctx)
    await b.idle()
    expect(again.id).toBe(first.id)
    expect(h.krev.posts).toHaveLength(1)
  })

  it('a first try that failed made nothing: the same id may try again', async () => {
    const f = start(h)
    const action = randomUUID()
    h.conn.clientError = offline()
    await expect(f.handlers['generation.submit'](submitInput(action), ctx)).rejects.toMatchObject({ code: 'network' })
    h.conn.clientError = null
    const job = await f.handlers['generation.submit'](submitInput(action), ctx)
    await f.idle()
    expect((await f.handlers['queue.list']({}, ctx)).jobs.map((j) => j.id)).toEqual([job.id])
    expect(h.krev.posts).toHaveLength(1)
  })

  it('the contract takes a UUID action id and refuses anything else', () => {
    const input = generationCommands['generation.submit'].input
    expect(input.safeParse(submitInput(randomUUID())).success).toBe(true)
    expect(input.safeParse(submitInput()).success).toBe(true)
    expect(input.safeParse({ ...imageReq(), actionId: 'press-1' }).success).toBe(false)
  })
})

describe('the recent action window', () => {
  const made = (n: number): Job => ({ id: `job-${n}` }) as Job
  const noLedger = () => new Map<string, StoredJob>()

  it('forgets ids older than ten minutes and beyond the last 200 (the ledger still answers those)', async () => {
    const once = createSubmitOnce({ now: () => clock.t })
    let n = 0
    const create = async () => made(++n)
    const first = randomUUID()
    expect(await once.run({ mode: 'sandbox', actionId: first }, create, noLedger)).toEqual(made(1))
    clock.t += RECENT_ACTION_MS - 1
    expect(await once.run({ mode: 'sandbox', actionId: first }, create, noLedger)).toEqual(made(1))
    clock.t += 1
    expect(await once.run({ mode: 'sandbox', actionId: first }, create, noLedger)).toEqual(made(2))

    const ids = Array.from({ length: RECENT_ACTIONS + 1 }, () => randomUUID())
    for (const id of ids) await once.run({ mode: 'sandbox', actionId: id }, create, noLedger)
    const made0 = n
    await once.run({ mode: 'sandbox', actionId: ids.at(-1) }, create, noLedger)
    expect(n).toBe(made0)
    await once.run({ mode: 'sandbox', actionId: ids[0] }, create, noLedger)
    expect(n).toBe(made0 + 1)
  })

  it('keeps the modes apart: the same id in the other mode is another action', async () => {
    const once = createSubmitOnce({ now: () => clock.t })
    let n = 0
    const create = async () => made(++n)
    const id = randomUUID()
    await once.run({ mode: 'sandbox', actionId: id }, create, noLedger)
    await once.run({ mode: 'krev', actionId: id }, create, noLedger)
    expect(n).toBe(2)
  })
})
