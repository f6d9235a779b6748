import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach } from 'vitest'

/**
 * New temporary folders (`<prefix>…`) on demand, each removed with everything in it when
 * the test that made it ends (`'each'`), or when the file or describe block this is called
 * in is done (`'all'`).
 */
export function tempDirs(prefix: string, removeAfter: 'each' | 'all' = 'each'): () => Promise<string> {
  const made: string[] = []
  const removeAll = async () => {
    for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true })
  }
  if (removeAfter === 'each') afterEach(removeAll)
  else afterAll(removeAll)
  return async () => {
    const dir = await mkdtemp(join(tmpdir(), prefix))
    made.push(dir)
    return dir
  }
}
