import type { GenerationRequest, Job, QueueState } from '../../src-preload/contract'
import type { StagedAsset } from '../library/stage-asset'
import { silentLogger } from '../core/logger'
import type { FailureDeps } from './apply-failure'
import { createCreditHolds, isWaitingOnCredits } from './credit-holds'
import { createLauncher, type RunningJob } from './job-launcher'
import { isActive, isPolling, needsPost, toJob, type QueueMode, type StoredJob } from './job-model'
import { createJobCommands } from './job-commands'
import { newJob, reconcileOnLoad } from './job-transitions'
import type { QueueService, QueueServiceDeps, SubmitInput } from './queue-types'
import { createBatchSubmit } from './batch-submit'
import { createPauses } from './pauses'
import { keepsPartial, sweepPartials } from './partial-downloads'
import { createPollCadence } from './poll-cadence'
import { byRunOrder } from './queue-order'
import { createSteering } from './queue-steering'
import { createSemaphore } from './semaphore'
import { createSpendCap } from './spend-cap'
import { createSubmitOnce, splitSubmit } from './submit-once'
import { createRunAgain } from './unknown-outcome'
import { validateForKrev } from './validate-request'

/**
 * The generation queue of the current connection mode. `submit` persists the job before
 * anything is sent and answers at once; workers (at most `pollConcurrency` POSTing or
 * polling, downloads limited separately) take jobs through Krev in the creator's order
 * (queue-order.ts). Failures pause the whole queue when they concern every job (offline,
 * key refused, rate limit), hold the jobs the balance can't cover (credit-holds.ts), or
 * fail just the one job, with a retry where one makes sense.
 */

export type { QueueConnection, QueueService, QueueServiceDeps } from './queue-types'

export function createQueueService(deps: QueueServiceDeps): QueueService {
  const logger = deps.logger ?? silentLogger
  const iso = (offset = 0) => new Date(deps.now() + offset).toISOString()
  const { connection, store } = deps
  let mode: QueueMode = connection.mode()
  let jobs = new Map<string, StoredJob>()
  let loaded: Promise<void> | null = null
  let userChoice: boolean | null = null // the creator's pause/resume since this mode was shown: beats the file
  let life = new AbortController()
  let disposed = false
  const running = new Map<string, RunningJob>()
  const downloads = createSemaphore(() => deps.concurrency().download)
  const cadence = createPollCadence(deps.timing, deps.random)

  const current = (j: StoredJob) => jobs.get(j.id) === j && j.mode === mode
  const spendCap = createSpendCap({ cap: () => deps.spendCap?.() ?? 0, sessionStart: deps.now(), show: (j) => void setStatus(j, j.status) })
  async function commit(j: StoredJob): Promise<void> {
    spendCap.track(j)
    j.updatedAt = iso()
    if (current(j)) deps.emitJob(toJob(j))
    // A job of the other mode (switched mid-step) is still saved; a removed one is not.
    else if (j.mode === mode) return
    await store.save(j)
  }

  function complete(j: StoredJob, staged: StagedAsset[]): void {
    j.updatedAt = iso()
    const save = current(j) || j.mode !== mode
    const assets = deps.transaction(() => {
      const indexed = deps.library.commitStaged(staged)
      if (save) store.saveSync(j)
      return indexed
    })
    deps.library.announce(assets)
    if (current(j)) deps.emitJob(toJob(j))
  }

  const pauses = createPauses({
    connection,
    sleep: deps.sleep,
    emit: deps.emitState,
    onPause: () => {
      // Jobs waiting for their POST show why they wait; running ones carry on.
      for (const j of jobs.values()) if (j.status === 'pending' && needsPost(j)) void setStatus(j, 'paused')
    },
    onResume: () => {
      for (const j of jobs.values()) {
        // One waiting for credits waits on: credit-holds.ts says when it goes.
        if (j.status !== 'paused' || isWaitingOnCredits(j)) continue
        j.resumesAt = null
        if (j.error && (j.error.code === 'unauthorized' || j.error.code === 'network')) j.error = null
        // A job Krev already accepted goes back to following it, never to a new POST.
        void setStatus(j, j.generationId ? 'submitted' : 'pending')
      }
      pump()
    },
    now: deps.now,
    logger
  })

  function setStatus(j: StoredJob, status: Job['status']): Promise<void> {
    j.status = status
    return commit(j).catch((e: unknown) => logger.warn('queue: job not saved', { error: e }))
  }

  const credits = createCreditHolds({
    fresh: async () => (await deps.balance.fresh()).credits,
    sleep: deps.sleep,
    life: () => life.signal,
    show: (j) => void setStatus(j, j.status),
    pump: () => pump(),
    logger
  })

  const failureDeps: FailureDeps = {
    current,
    commit,
    setStatus,
    pauses,
    needsCredits: (j) => credits.refused(j),
    limiter: deps.limiter,
    reportOnline: (online) => connection.reportOnline(online),
    onCreditsMaybeChanged: () => deps.onCreditsMaybeChanged(),
    sleep: deps.sleep,
    life: () => life.signal,
    now: deps.now,
    logger,
    downloadStalls: new Map()
  }

  function pump(): void {
    if (disposed || !loaded) return
    const { poll } = deps.concurrency()
    const reason = pauses.state().reason
    const slots = () => [...running.values()].filter((r) => r.slot).length
    const inFlight = () => [...running.keys()].flatMap((id) => jobs.get(id) ?? [])
    const ordered = [...jobs.values()].sort(byRunOrder)
    for (const j of ordered) {
      if (running.has(j.id) || !isActive(j)) continue
      if (needsPost(j)) {
        if (pauses.state().paused || slots() >= Math.max(1, poll)) continue
        if (!spendCap.admit(j, inFlight) || !credits.admit(j, inFlight)) continue
      } else if (isPolling(j)) {
        if (reason === 'offline' || reason === 'unauthorized' || slots() >= Math.max(1, poll)) continue
      } else if (j.status !== 'downloading' || reason === 'offline') continue
      launch(j)
    }
    credits.settle(ordered.filter((j) => needsPost(j) && !running.has(j.id)))
  }

  const launch = createLauncher({
    deps,
    running,
    life: () => life.signal,
    disposed: () => disposed,
    current,
    commit,
    complete,
    pump: () => pump(),
    cadence,
    downloads,
    failureDeps,
    iso: () => iso()
  })

  async function load(): Promise<void> {
    const loadedMode = mode
    const [list, userPaused] = await Promise.all([store.load(loadedMode), deps.pauseStore.load(loadedMode)])
    if (list.some((j) => j.status === 'downloading')) await deps.library.sweep(loadedMode) // only a stopped download leaves temp files
    if (loadedMode !== mode) return
    jobs = new Map(list.map((j) => [j.id, j]))
    await sweepPartials(deps.stagingDir(loadedMode), (id) => keepsPartial(jobs.get(id))).catch((e: unknown) =>
      logger.warn('queue: partial downloads not swept', { error: e })
    )
    for (const j of jobs.values()) {
      if (reconcileOnLoad(j)) await store.save(j).catch((e: unknown) => logger.warn('queue: job not saved', { error: e }))
    }
    // Before the first pump: a queue left paused must not POST a single job on restart.
    if (userChoice ?? userPaused) pauses.pause('user')
    // A pause that came while loading saw none of these jobs: they show that they wait too.
    if (pauses.state().paused) for (const j of jobs.values()) if (j.status === 'pending' && needsPost(j)) void setStatus(j, 'paused')
  }

  async function setUserPaused(paused: boolean): Promise<QueueState> {
    userChoice = paused
    const state = paused ? pauses.pause('user') : pauses.resume()
    // Not on disk is not fatal: the queue still pauses now, it just won't be after a restart.
    await deps.pauseStore.save(mode, paused).catch((e: unknown) => logger.warn('queue: pause not saved', { error: e }))
    return state
  }

  function ensureLoaded(): Promise<void> {
    // A load that fails (unreadable folder) leaves an empty queue, never a broken one.
    loaded ??= load()
      .catch((e: unknown) => logger.error('queue: jobs could not be loaded', { error: e }))
      .then(pump)
    return loaded
  }

  // A 429 being retried inside the client: show the POSTs waiting on it when they resume.
  const unlimit = deps.limiter.onPenalize?.((until) => {
    if (disposed || until <= deps.now()) return
    const waiting = [...jobs.values()].filter((j) => j.postStartedAt && !j.generationId && j.status !== 'cancelled')
    if (waiting.length === 0) return
    for (const j of waiting) {
      j.resumesAt = new Date(until).toISOString()
      deps.emitJob(toJob(j))
    }
    pauses.rateLimited(until)
  })

  const unsubscribe = connection.onChange((status) => {
    if (disposed) return
    if (status.mode !== mode) {
      // Workers of the other mode stop where they are; their jobs are persisted and resume later.
      life.abort()
      life = new AbortController()
      pauses.reset()
      credits.reset()
      mode = status.mode
      userChoice = null
      jobs = new Map()
      loaded = null
      void ensureLoaded()
      return
    }
    if (status.online) pauses.wake()
  })

  // A repeated user action is answered the job it made (submit-once.ts).
  const once = createSubmitOnce({ now: deps.now })
  async function submit(input: SubmitInput): Promise<Job> {
    const { request, actionId } = splitSubmit(input)
    await ensureLoaded()
    return once.run({ mode, actionId }, () => createJob(request, actionId ?? null), () => jobs)
  }

  async function createJob(req: GenerationRequest, actionId: string | null): Promise<Job> {
    const client = await connection.client()
    await validateForKrev(req, client, mode)
    const j: StoredJob = { ...newJob(req, mode, iso(), pauses.state().paused, steering.nextPosition()), actionId }
    // On disk before anything is sent: a crash from here on never loses the job.
    await store.save(j)
    jobs.set(j.id, j)
    deps.emitJob(toJob(j))
    queueMicrotask(pump)
    return toJob(j)
  }

  const steering = createSteering({
    ready: ensureLoaded,
    jobs: () => jobs,
    mode: () => mode,
    running: (id) => running.has(id),
    store,
    transaction: deps.transaction,
    emitJob: deps.emitJob,
    pump: () => pump(),
    iso: () => iso()
  })

  const batches = createBatchSubmit({
    mode: () => mode,
    ensureLoaded,
    validate: async (req) => validateForKrev(req, await connection.client(), mode),
    newJob: (req, nth) => newJob(req, mode, iso(), pauses.state().paused, steering.nextPosition() + nth),
    transaction: deps.transaction,
    saveSync: (j) => store.saveSync(j),
    batches: deps.batches,
    jobs: () => jobs,
    adopt: (made) => {
      for (const j of made) jobs.set(j.id, j)
      for (const j of made) deps.emitJob(toJob(j))
      queueMicrotask(pump)
    },
    now: deps.now
  })


  const commands = createJobCommands({
    ready: ensureLoaded,
    jobs: () => jobs,
    running,
    store,
    setStatus,
    queuePaused: () => pauses.state().paused,
    balance: deps.balance,
    runAgain: createRunAgain({ submit, find: (id) => jobs.get(id), current, commit }),
    emitRemoved: deps.emitRemoved,
    pump: () => pump()
  })

  return {
    submit,
    batches,

    async list() {
      await ensureLoaded()
      const all = [...jobs.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map(toJob)
      return { jobs: all, state: pauses.state(), finished: store.finished(mode) }
    },

    ...commands,
    pause: () => setUserPaused(true),
    resume: () => setUserPaused(false),
    start: ensureLoaded,
    spendCapChanged: () => pump(),
    concurrencyChanged: () => pump(),
    balanceChanged: (current) => credits.balanceSeen(current),
    move: steering.move,
    runNext: steering.runNext,
    adopt: steering.adopt,

    async idle() {
      do {
        await ensureLoaded()
        await Promise.all([...running.values()].map((r) => r.done))
        await new Promise((r) => setImmediate(r))
      } while (running.size > 0)
      await Promise.all([store.flush(), deps.pauseStore.flush()])
    },

    dispose() {
      disposed = true
      unsubscribe()
      unlimit?.()
      pauses.reset()
      credits.reset()
      life.abort()
    }
  }
}
