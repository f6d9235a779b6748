import Module, { createRequire } from 'node:module'
import type SharpModule from 'sharp'

/**
 * sharp, loaded on purpose rather than by a top-level import, so the media worker can pick
 * which build it gets before the first `require('sharp')`.
 *
 * Why: inside any process built on Electron's Linux binary (the utility process included)
 * sharp's native build links its own libvips/GLib next to the copy Electron ships, and the
 * first decode can SIGSEGV (electron#46323; sharp's "Electron and Linux" install note; sharp
 * itself warns `SharpElectronLinux`). There the worker uses sharp's WebAssembly build
 * (@img/sharp-wasm32), which links nothing: docs/benchmarks.md (`media`) has what it costs.
 * sharp's loader tries the native packages first and falls back to the wasm one, so making
 * the native packages unresolvable for that one require is all it takes.
 */

export type Sharp = typeof SharpModule
export type SharpBuild = 'native' | 'wasm'

export interface LoadedSharp {
  sharp: Sharp
  build: SharpBuild
}

/**
 * Whether this process must use the wasm build. KREV_SHARP_BUILD=wasm|native overrides the
 * rule (the benchmark and the tests simulate the Electron-on-Linux case with it).
 */
export function mustUseWasm(
  env: NodeJS.ProcessEnv = process.env,
  versions: NodeJS.ProcessVersions = process.versions,
  platform: NodeJS.Platform = process.platform
): boolean {
  const forced = env['KREV_SHARP_BUILD']
  if (forced === 'wasm') return true
  if (forced === 'native') return false
  return Boolean(versions['electron']) && platform === 'linux'
}

/** Native sharp: `@img/sharp-<platform>` (and its libvips), or a from-source build. wasm32 passes. */
const NATIVE_SHARP = [/^@img\/sharp-(?!wasm32\/)/, /[\\/]build[\\/]Release[\\/]sharp-(?!wasm32-)/]

export const isNativeSharpRequest = (request: string): boolean => NATIVE_SHARP.some((re) => re.test(request))

interface ResolvableModule {
  _resolveFilename(request: string, ...rest: unknown[]): string
}

/**
 * Makes native sharp unresolvable until the returned function is called. Node's documented
 * resolve hooks (module.registerHooks) are not in every runtime we run on (Node 20 for
 * tests), so this wraps the CommonJS resolver, which sharp's loader (CJS and ESM alike,
 * through createRequire) goes through.
 */
export function blockNativeSharp(): () => void {
  const loader = Module as unknown as ResolvableModule
  const original = loader._resolveFilename
  loader._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]): string {
    if (isNativeSharpRequest(request)) {
      const error = new Error(`Cannot find module '${request}' (native sharp disabled in this process)`) as NodeJS.ErrnoException
      error.code = 'MODULE_NOT_FOUND'
      throw error
    }
    return original.call(this, request, ...rest)
  }
  return () => {
    loader._resolveFilename = original
  }
}

/** The build that answers: only the wasm one reports an emscripten version. */
export const buildOf = (sharp: Sharp): SharpBuild => ('emscripten' in sharp.versions ? 'wasm' : 'native')

let loaded: LoadedSharp | null = null

/** sharp for this process, once. Throws when the wasm build was required but native was already loaded. */
export function loadSharp(forceWasm: boolean = mustUseWasm()): LoadedSharp {
  if (!loaded) {
    const restore = forceWasm ? blockNativeSharp() : () => undefined
    try {
      const sharp = createRequire(import.meta.url)('sharp') as Sharp
      loaded = { sharp, build: buildOf(sharp) }
    } finally {
      restore()
    }
  }
  if (forceWasm && loaded.build !== 'wasm') {
    throw new Error('sharp: the WebAssembly build was required, but the native one was already loaded in this process')
  }
  return loaded
}
