import { create } from 'zustand'
import type { EventPayload, FinishedJob, Job, QueueState, UnknownCheck } from '../../../src-preload/contract'
import { errorMessage, invoke } from '../api/client'
import { failedLoad, type LoadState } from '../lib/load-state'
import { frameBatch } from './frame-batch'

export type JobProgress = EventPayload<'generation.progress'>

const ACTIVE: ReadonlySet<Job['status']> = new Set(['pending', 'submitted', 'processing', 'downloading', 'paused'])
export const isActiveJob = (job: Job): boolean => ACTIVE.has(job.status)
export const isFinishedJob = (job: Job): boolean => !ACTIVE.has(job.status)
/** Still waiting for its create POST: the jobs the creator can reorder (main's `needsPost`). */
export const isWaitingJob = (job: Job): boolean => (job.status === 'pending' || job.status === 'paused') && !job.generationId

export type MoveTarget = { before: string | null } | { toIndex: number }

interface QueueStoreState {
  jobs: Job[]
  /** Finished jobs main kept, listed or cleared: what each kind usually takes (job-timing.ts). */
  finished: FinishedJob[]
  state: QueueState
  load: LoadState
  error: string | null
  /** "Check balance" answers, per job (memory only: a fresh check is one click away). */
  checks: Record<string, UnknownCheck>
  /** The waiting job picked up by keyboard (Space on its handle) and where it was, to cancel. */
  grabbed: { id: string; from: number } | null
  /** What the last reorder did, for screen readers (the Queue's live region). */
  announcement: string

  /** The whole list from main; `finished` is kept as it was when not given. */
  setJobs(jobs: Job[], state: QueueState, finished?: FinishedJob[]): void
  /** A job as main last described it; applied with everything else received in this frame. */
  upsertJob(job: Job): void
  removeJob(jobId: string): void
  /** A progress event; a burst of them renders once per frame. */
  applyProgress(p: JobProgress): void
  setQueueState(state: QueueState): void
  fetch(): Promise<void>
  /** Runs a queue command; resolves to an error message, or null. */
  act(action: 'cancel' | 'retry' | 'remove' | 'runAgain', jobId: string): Promise<string | null>
  /** Moves a waiting job (drag, keyboard); resolves to an error message, or null. */
  move(jobId: string, target: MoveTarget): Promise<string | null>
  runNext(jobId: string): Promise<string | null>
  setGrabbed(grabbed: { id: string; from: number } | null): void
  announce(text: string): void
  checkUnknown(jobId: string): Promise<string | null>
  clearFinished(): Promise<string | null>
  setPaused(paused: boolean): Promise<string | null>
}

export const initialQueueState = {
  jobs: [] as Job[],
  finished: [] as FinishedJob[],
  state: { paused: false, reason: null, resumesAt: null } as QueueState,
  load: 'idle' as LoadState,
  error: null,
  checks: {} as Record<string, UnknownCheck>,
  grabbed: null as { id: string; from: number } | null,
  announcement: ''
}

/** 0: at Krev (running), 1: waiting to be sent, 2: finished. */
const group = (job: Job): number => (isWaitingJob(job) ? 1 : isActiveJob(job) ? 0 : 2)
const byPosition = (a: Job, b: Job): number => (a.position ?? 0) - (b.position ?? 0) || a.createdAt.localeCompare(b.createdAt)

/**
 * The Queue screen's order: what is at Krev now, then what waits in the order it will be
 * sent (next first: the order the creator steers), then the finished ones, newest first.
 */
export function queueOrder(a: Job, b: Job): number {
  const g = group(a) - group(b)
  if (g !== 0) return g
  return group(a) === 2 ? b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id) : byPosition(a, b)
}

export function upsert(jobs: Job[], job: Job): Job[] {
  const i = jobs.findIndex((j) => j.id === job.id)
  if (i === -1) return [...jobs, job].sort(queueOrder)
  const next = jobs.slice()
  next[i] = job
  // A new place or a new state may move it (a move, sent, finished); otherwise the order stands.
  const before = jobs[i] as Job
  return before.position !== job.position || group(before) !== group(job) ? next.sort(queueOrder) : next
}

/** The waiting jobs' ids in the order they will be sent. */
export const waitingIds = (jobs: readonly Job[]): string[] => jobs.filter(isWaitingJob).map((j) => j.id)

export function withProgress(jobs: Job[], p: JobProgress): Job[] {
  const i = jobs.findIndex((j) => j.id === p.jobId)
  if (i === -1) return jobs
  const next = jobs.slice()
  const before = jobs[i] as Job
  next[i] = { ...before, status: p.status, progress: p.progress }
  return group(before) !== group(next[i]) ? next.sort(queueOrder) : next
}

/** The number on the sidebar badge. */
export const activeCount = (jobs: Job[]): number => jobs.filter(isActiveJob).length

// Per jobs array (the store replaces it on every change): each mounted row asks for its own
// job and for the first waiting one, and a find over 5,000 jobs per row per render showed
// in the Queue's scroll profile (docs/benchmarks.md).
const indexOf = new WeakMap<readonly Job[], { byId: Map<string, Job>; firstWaiting: string | undefined }>()
function jobIndex(jobs: readonly Job[]) {
  let index = indexOf.get(jobs)
  if (!index) {
    const byId = new Map<string, Job>()
    // The first of a repeated id wins, as a find would.
    for (const j of jobs) if (!byId.has(j.id)) byId.set(j.id, j)
    index = { byId, firstWaiting: jobs.find(isWaitingJob)?.id }
    indexOf.set(jobs, index)
  }
  return index
}

/** The job with this id (a row's own selector: other jobs changing leave it the same object). */
export const jobById = (jobs: readonly Job[], id: string): Job | undefined => jobIndex(jobs).byId.get(id)

/** The id of the job that runs next (the first waiting one), if any. */
export const firstWaitingId = (jobs: readonly Job[]): string | undefined => jobIndex(jobs).firstWaiting

/**
 * What arrived since the last frame, latest per job: a job replaces any progress before it,
 * progress after a job applies on top of it.
 */
const received = { jobs: new Map<string, Job>(), progress: new Map<string, JobProgress>() }

export const useQueueStore = create<QueueStoreState>()((set, get) => {
  const frame = frameBatch(() => {
    if (!received.jobs.size && !received.progress.size) return
    const jobsIn = [...received.jobs.values()]
    const progressIn = [...received.progress.values()]
    received.jobs.clear()
    received.progress.clear()
    set((s) => {
      let jobs = s.jobs
      for (const job of jobsIn) jobs = upsert(jobs, job)
      for (const p of progressIn) jobs = withProgress(jobs, p)
      return { jobs }
    })
  })

  return {
    ...initialQueueState,

    setJobs: (jobs, state, finished = get().finished) =>
      set({ jobs: jobs.slice().sort(queueOrder), finished, state, load: 'ready', error: null }),
    upsertJob: (job) => {
      received.progress.delete(job.id)
      received.jobs.set(job.id, job)
      frame.schedule()
    },
    removeJob: (jobId) => {
      received.jobs.delete(jobId)
      received.progress.delete(jobId)
      set((s) => ({ jobs: s.jobs.filter((j) => j.id !== jobId) }))
    },
    applyProgress: (p) => {
      received.progress.set(p.jobId, p)
      frame.schedule()
    },
    setQueueState: (state) => set({ state }),

    fetch: async () => {
      if (get().load === 'idle') set({ load: 'loading' })
      try {
        const out = await invoke('queue.list', {})
        get().setJobs(out.jobs, out.state, out.finished)
      } catch (e) {
        set(failedLoad(e))
      }
    },

    act: async (action, jobId) => {
      try {
        if (action === 'remove') {
          const out = await invoke('queue.remove', { jobId })
          if (out.removed) get().removeJob(jobId)
        } else if (action === 'runAgain') {
          // The answer is the new job; the old one's "re-run as" arrives as its own event.
          get().upsertJob(await invoke('queue.runAgain', { jobId }))
        } else {
          get().upsertJob(await invoke(action === 'cancel' ? 'queue.cancel' : 'queue.retry', { jobId }))
        }
        return null
      } catch (e) {
        return errorMessage(e)
      }
    },

    move: async (jobId, target) => {
      try {
        const out = await invoke('queue.move', { jobId, ...target })
        for (const j of out.jobs) get().upsertJob(j)
        // The new order now, not on the next frame: a second arrow press moves from it.
        frame.flushNow()
        return null
      } catch (e) {
        return errorMessage(e)
      }
    },

    runNext: async (jobId) => {
      try {
        const out = await invoke('queue.runNext', { jobId })
        for (const j of out.jobs) get().upsertJob(j)
        // The new order now, not on the next frame: a second arrow press moves from it.
        frame.flushNow()
        return null
      } catch (e) {
        return errorMessage(e)
      }
    },

    setGrabbed: (grabbed) => set({ grabbed }),
    announce: (announcement) => set({ announcement }),

    checkUnknown: async (jobId) => {
      try {
        const check = await invoke('queue.checkUnknown', { jobId })
        set((s) => ({ checks: { ...s.checks, [jobId]: check } }))
        return null
      } catch (e) {
        return errorMessage(e)
      }
    },

    clearFinished: async () => {
      try {
        await invoke('queue.clearFinished', {})
        set((s) => ({ jobs: s.jobs.filter(isActiveJob) }))
        return null
      } catch (e) {
        return errorMessage(e)
      }
    },

    setPaused: async (paused) => {
      try {
        set({ state: await invoke(paused ? 'queue.pause' : 'queue.resume', {}) })
        return null
      } catch (e) {
        return errorMessage(e)
      }
    }
  }
})
