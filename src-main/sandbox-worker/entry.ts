/**
 * The sandbox worker process's entry (out/main/sandbox-worker.js): the built-in Krev
 * sandbox, renders (sharp, ffmpeg) included, away from main, so a 4K render never stalls
 * main's IPC and a decoder crash never takes the app down.
 *
 * Where sharp's native build is unsafe (inside Electron on Linux: load-sharp.ts says why)
 * native sharp is blocked for this process's whole life, not just one require: the sandbox
 * imports sharp's ESM build, which resolves its binding by itself. The import() below is
 * what keeps the block ahead of that import.
 */
import { blockNativeSharp, mustUseWasm } from '../media-worker/load-sharp'
import { parentPort } from '../media-worker/parent-port'
import type { FromSandbox } from './protocol'

const port = parentPort<FromSandbox>()
if (mustUseWasm()) blockNativeSharp()
void import('./serve').then(({ serveSandbox }) => serveSandbox(port))
