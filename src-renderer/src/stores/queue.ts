import { create } from 'zustand'
import type { EventPayload, Job, QueueState, UnknownCheck } from '../../../src-preload/contract'
import { errorMessage, invoke } from '../api/client'
import { failedLoad, type LoadState } from '../lib/load-state'
import { frameBatch } from './frame-batch'

export type JobProgress = EventPayload<'generation.progress'>

const ACTIVE: ReadonlySet<Job['status']> = new Set(['pending', 'submitted', 'processing', 'downloading', 'paused'])
export const isActiveJob = (job: Job): boolean => ACTIVE.has(job.status)
export const isFinishedJob = (job: Job): boolean => !ACTIVE.has(job.status)

interface QueueStoreState {
  jobs: Job[]
  state: QueueState
  load: LoadState
  error: string | null
  /** "Check balance" answers, per job (memory only: a fresh check is one click away). */
  checks: Record<string, UnknownCheck>

  setJobs(jobs: Job[], state: QueueState): void
  /** A job as main last described it; applied with everything else received in this frame. */
  upsertJob(job: Job): void
  removeJob(jobId: string): void
  /** A progress event; a burst of them renders once per frame. */
  applyProgress(p: JobProgress): void
  setQueueState(state: QueueState): void
  fetch(): Promise<void>
  /** Runs a queue command; resolves to an error message, or null. */
  act(action: 'cancel' | 'retry' | 'remove' | 'runAgain', jobId: string): Promise<string | null>
  checkUnknown(jobId: string): Promise<string | null>
  clearFinished(): Promise<string | null>
  setPaused(paused: boolean): Promise<string | null>
}

export const initialQueueState = {
  jobs: [] as Job[],
  state: { paused: false, reason: null, resumesAt: null } as QueueState,
  load: 'idle' as LoadState,
  error: null,
  checks: {} as Record<string, UnknownCheck>
}

const newestFirst = (a: Job, b: Job): number => b.createdAt.localeCompare(a.createdAt)

export function upsert(jobs: Job[], job: Job): Job[] {
  const i = jobs.findIndex((j) => j.id === job.id)
  if (i === -1) return [...jobs, job].sort(newestFirst)
  const next = jobs.slice()
  next[i] = job
  return next
}

export function withProgress(jobs: Job[], p: JobProgress): Job[] {
  const i = jobs.findIndex((j) => j.id === p.jobId)
  if (i === -1) return jobs
  const next = jobs.slice()
  next[i] = { ...jobs[i], status: p.status, progress: p.progress }
  return next
}

/** The number on the sidebar badge. */
export const activeCount = (jobs: Job[]): number => jobs.filter(isActiveJob).length

/** The job with this id (a row's own selector: other jobs changing leave it the same object). */
export const jobById = (jobs: readonly Job[], id: string): Job | undefined => jobs.find((j) => j.id === id)

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

    setJobs: (jobs, state) => set({ jobs: jobs.slice().sort(newestFirst), state, load: 'ready', error: null }),
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
        get().setJobs(out.jobs, out.state)
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
