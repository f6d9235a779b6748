/**
 * Waits for a condition instead of for a fixed time: checks it every few milliseconds
 * and fails with `message` when it is still false after `timeoutMs` (a generous bound
 * that only matters when the behaviour under test is broken).
 */
export async function waitFor(
  done: () => boolean | Promise<boolean>,
  { timeoutMs = 10_000, message = 'condition not met in time', everyMs = 10 }: { timeoutMs?: number; message?: string; everyMs?: number } = {}
): Promise<void> {
  const until = Date.now() + timeoutMs
  while (!(await done())) {
    if (Date.now() > until) throw new Error(message)
    await new Promise((r) => setTimeout(r, everyMs))
  }
}
