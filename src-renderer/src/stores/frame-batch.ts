/**
 * Runs `flush` once on the next animation frame, however many times `schedule` is called
 * before it. Outside a browser (unit tests, no `requestAnimationFrame`) it flushes at once.
 * A hidden window gets no frames, so a timer flushes too, whichever comes first.
 */
export function frameBatch(flush: () => void, fallbackMs = 250): { schedule(): void; flushNow(): void } {
  let frame: number | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  const run = () => {
    if (frame !== null) globalThis.cancelAnimationFrame?.(frame)
    if (timer !== null) clearTimeout(timer)
    frame = null
    timer = null
    flush()
  }
  return {
    schedule() {
      if (typeof globalThis.requestAnimationFrame !== 'function') return run()
      if (frame !== null) return
      frame = globalThis.requestAnimationFrame(run)
      timer = setTimeout(run, fallbackMs)
    },
    flushNow: run
  }
}
