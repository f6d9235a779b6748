// Checks on a built package (resources/app.asar + app.asar.unpacked): what is inside,
// whether the main bundle's imports resolve there, and whether native code can load.
import * as asar from '@electron/asar'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join, posix } from 'node:path'
import { readElfDynamic } from './elf-needed'

export interface PackageView {
  archive: string
  unpackedDir: string
  /** Every path in the archive, relative, posix, no leading slash. */
  files: Set<string>
  isUnpacked: (path: string) => boolean
  read: (path: string) => string
}

export function openPackage(resourcesDir: string): PackageView {
  const archive = join(resourcesDir, 'app.asar')
  const unpackedDir = `${archive}.unpacked`
  const files = new Set(asar.listPackage(archive, { isPack: false }).map((p) => p.replace(/\\/g, '/').replace(/^\//, '')))
  const isUnpacked = (path: string) => existsSync(join(unpackedDir, path))
  return {
    archive,
    unpackedDir,
    files,
    isUnpacked,
    read: (path) => (isUnpacked(path) ? readFileSync(join(unpackedDir, path), 'utf8') : asar.extractFile(archive, path).toString('utf8'))
  }
}

const FORBIDDEN_TOP = /^(src-[^/]+|test|docs|bench|\.ci|scripts|build)(\/|$)/

/** Project sources, tests, docs and dev dependencies must not be shipped. */
export function forbiddenEntries(pkg: PackageView, devOnly: string[]): string[] {
  const bad: string[] = []
  for (const f of pkg.files) {
    if (FORBIDDEN_TOP.test(f)) bad.push(f)
    else if (devOnly.some((d) => f === `node_modules/${d}` || f.startsWith(`node_modules/${d}/`))) bad.push(f)
  }
  return bad
}

/** Dev dependencies that no production dependency needs (those may legitimately ship). */
export function devOnlyPackages(projectDir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8'))
  const prod = new Set<string>()
  const visit = (name: string) => {
    if (prod.has(name)) return
    const file = join(projectDir, 'node_modules', name, 'package.json')
    if (!existsSync(file)) return
    prod.add(name)
    const m = JSON.parse(readFileSync(file, 'utf8'))
    for (const dep of Object.keys({ ...m.dependencies, ...m.optionalDependencies })) visit(dep)
  }
  for (const dep of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) visit(dep)
  return Object.keys(manifest.devDependencies ?? {}).filter((d) => !prod.has(d))
}

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|createRequire\([^)]*\)\s*\(\s*)["']([^"'./][^"']*)["']/g
const BUILTIN = new Set([...builtinModules, 'electron'])

export function bareImports(source: string): string[] {
  const found = new Set<string>()
  for (const m of source.matchAll(SPECIFIER)) {
    const spec = m[1]!
    if (spec.startsWith('node:') || BUILTIN.has(spec) || BUILTIN.has(spec.split('/')[0]!)) continue
    found.add(spec)
  }
  return [...found]
}

function exportTarget(entry: unknown): string | null {
  if (typeof entry === 'string') return entry
  if (Array.isArray(entry)) return entry.map(exportTarget).find((t) => t) ?? null
  if (entry && typeof entry === 'object') {
    for (const cond of ['node', 'import', 'require', 'default']) {
      const t = exportTarget((entry as Record<string, unknown>)[cond])
      if (t) return t
    }
  }
  return null
}

/** Resolves a bare specifier from the package root the way Node would (exports, then main). */
export function resolveInPackage(pkg: PackageView, spec: string, fromDir = ''): string | null {
  const parts = spec.split('/')
  const name = spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!
  const sub = spec.slice(name.length)
  // node_modules lookup from fromDir up to the root.
  let dir = fromDir
  for (;;) {
    const root = posix.join(dir, 'node_modules', name)
    if (pkg.files.has(`${root}/package.json`)) {
      const manifest = JSON.parse(pkg.read(`${root}/package.json`))
      let target: string | null
      if (manifest.exports !== undefined) {
        const exp = manifest.exports
        const key = `.${sub}`
        target = typeof exp === 'string' || Array.isArray(exp) || !Object.keys(exp).some((k) => k.startsWith('.'))
          ? (sub ? null : exportTarget(exp))
          : exportTarget(exp[key])
      } else {
        target = sub ? `.${sub}` : (manifest.main ?? 'index.js')
      }
      if (!target) return null
      const file = posix.normalize(posix.join(root, target))
      for (const candidate of [file, `${file}.js`, `${file}/index.js`, `${file}.json`]) {
        if (pkg.files.has(candidate) && !isDirectory(pkg, candidate)) return candidate
      }
      return null
    }
    if (!dir) return null
    dir = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : ''
  }
}

function isDirectory(pkg: PackageView, path: string): boolean {
  if (pkg.isUnpacked(path)) return statSync(join(pkg.unpackedDir, path)).isDirectory()
  return 'files' in (asar.statFile(pkg.archive, path) as object)
}

/** Bare imports of the given bundles, and of every production dependency they reach, that do not resolve. */
export function unresolvedImports(pkg: PackageView, bundles: string[]): Array<{ from: string; spec: string }> {
  const missing: Array<{ from: string; spec: string }> = []
  const seenPackages = new Set<string>()
  // declared: a dependency listed in a package.json (it must be present; types-only ones like
  // type-fest have no runtime entry and are never imported at run time).
  const queue: Array<{ from: string; spec: string; dir: string; declared?: boolean }> = []
  for (const b of bundles) for (const spec of bareImports(pkg.read(b))) queue.push({ from: b, spec, dir: '' })
  while (queue.length) {
    const { from, spec, dir, declared } = queue.shift()!
    const file = resolveInPackage(pkg, spec, dir)
    if (!file) {
      if (!declared) missing.push({ from, spec })
      continue
    }
    // Follow the resolved package's declared dependencies (optional ones may be absent).
    const root = file.slice(0, file.indexOf('/', file.lastIndexOf('node_modules/') + 13 + (spec.startsWith('@') ? spec.indexOf('/') + 1 : 0)))
    if (seenPackages.has(root)) continue
    seenPackages.add(root)
    const manifest = JSON.parse(pkg.read(`${root}/package.json`))
    for (const dep of Object.keys(manifest.dependencies ?? {})) {
      if (!resolvePackageRoot(pkg, dep, root)) missing.push({ from: root, spec: dep })
      else queue.push({ from: root, spec: dep, dir: root, declared: true })
    }
  }
  return missing.filter((m, i) => missing.findIndex((n) => n.from === m.from && n.spec === m.spec) === i)
}

function resolvePackageRoot(pkg: PackageView, name: string, fromDir: string): boolean {
  let dir = fromDir
  for (;;) {
    if (pkg.files.has(posix.join(dir, 'node_modules', name, 'package.json'))) return true
    if (!dir) return false
    dir = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : ''
  }
}

/** Libraries the OS provides (or the deb/rpm `depends` pull in); everything else must ship. */
const SYSTEM_LIB = /^(libc|libm|libdl|libpthread|librt|libresolv|libutil|ld-linux[^.]*|libstdc\+\+|libgcc_s|libglib-2\.0|libgobject-2\.0|libgio-2\.0|libsecret-1|libz)\.so(\.|$)/

export interface NativeReport {
  nodeFiles: string[]
  libraries: string[]
  problems: string[]
}

/** Every .node and shared library must sit unpacked, and its NEEDED libraries must be found. */
export function checkNativeCode(pkg: PackageView): NativeReport {
  const problems: string[] = []
  const isElfCandidate = (f: string) => /\.node$|\.so(\.\d+)*$/.test(f)
  const nodeFiles = [...pkg.files].filter((f) => f.endsWith('.node'))
  const libraries = [...pkg.files].filter((f) => isElfCandidate(f) && !f.endsWith('.node'))
  for (const f of [...nodeFiles, ...libraries]) {
    if (!pkg.isUnpacked(f)) {
      problems.push(`${f} is inside app.asar: the loader cannot map it`)
      continue
    }
    const abs = join(pkg.unpackedDir, f)
    const { needed, runpath } = readElfDynamic(abs)
    const origin = dirname(abs)
    const searchDirs = [...runpath.map((r) => r.replace('$ORIGIN', origin)), origin]
    for (const lib of needed) {
      if (SYSTEM_LIB.test(lib)) continue
      if (!searchDirs.some((d) => existsSync(join(d, lib)))) problems.push(`${f} needs ${lib}, not found unpacked beside it or on its RUNPATH`)
    }
  }
  return { nodeFiles, libraries, problems }
}

export function directorySize(dir: string): number {
  let total = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name)
    if (entry.isDirectory()) total += directorySize(p)
    else if (entry.isFile()) total += statSync(p).size
  }
  return total
}
