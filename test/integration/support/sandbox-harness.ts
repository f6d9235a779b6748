import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createKrevClient, type KrevClient } from '../../../src-main/krev'
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../../src-main/sandbox'

/** A client for the sandbox at `baseUrl` that trusts its media links, as the studio's connection builds it. */
export function sandboxClient(baseUrl: string, getKey: () => string): KrevClient {
  return createKrevClient({ baseUrl, getKey, trustedMediaOrigins: [baseUrl] })
}

export interface SandboxHarness {
  sb: SandboxHandle
  /** A client for `sb` with its default user's key. */
  client: KrevClient
  /** The sandbox's own state folder. */
  sandboxDir: string
  /** An empty folder for the studio side (database, media, Library). */
  dataDir: string
  /** Stops the sandbox and removes both folders. */
  close(): Promise<void>
}

/**
 * The built-in sandbox in this process on a free port, persisting to a new temporary folder
 * (`krev-<name>-sb-…`), with a client for it and a second empty temporary folder
 * (`krev-<name>-data-…`) for the studio side. No ffmpeg and speed 100 unless `opts` says otherwise.
 */
export async function startSandboxHarness(name: string, opts: Omit<SandboxOptions, 'port' | 'dataDir'> = {}): Promise<SandboxHarness> {
  const sandboxDir = await mkdtemp(join(tmpdir(), `krev-${name}-sb-`))
  const dataDir = await mkdtemp(join(tmpdir(), `krev-${name}-data-`))
  const removeDirs = async () => {
    for (const dir of [sandboxDir, dataDir]) await rm(dir, { recursive: true, force: true })
  }
  const sb = await startSandbox({ speed: 100, ffmpegPath: null, ...opts, port: 0, dataDir: sandboxDir }).catch(async (error: unknown) => {
    await removeDirs()
    throw error
  })
  return {
    sb,
    client: sandboxClient(sb.baseUrl, () => sb.key),
    sandboxDir,
    dataDir,
    close: async () => {
      await sb.close()
      await removeDirs()
    }
  }
}
