// The packaging checks must fail on the faults they exist for: a native library left
// inside app.asar, a bundle importing a package that is not shipped, a source folder shipped.
import * as asar from '@electron/asar'
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { readElfDynamic } from '../../../scripts/packaging/elf-needed'
import { checkNativeCode, forbiddenEntries, openPackage, unresolvedImports } from '../../../scripts/packaging/inspect-package'

const root = resolve(import.meta.dirname, '../../..')
const SHARP_NODE = 'node_modules/@img/sharp-linux-x64/lib/sharp-linux-x64-0.35.5.node'
const LIBVIPS = 'node_modules/@img/sharp-libvips-linux-x64/lib/libvips-cpp.so.8.18.7'
const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

async function pack(files: Record<string, string>, copies: string[], unpack: string): Promise<string> {
  const base = mkdtempSync(join(tmpdir(), 'krev-inspect-'))
  dirs.push(base)
  const app = join(base, 'app')
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(app, path, '..'), { recursive: true })
    writeFileSync(join(app, path), text)
  }
  for (const path of copies) cpSync(join(root, path), join(app, path), { recursive: true })
  const resources = join(base, 'resources')
  mkdirSync(resources)
  await asar.createPackageWithOptions(app, join(resources, 'app.asar'), { unpack })
  return resources
}

describe('packaging checks', () => {
  it('reads NEEDED and RUNPATH from a real addon', () => {
    const elf = readElfDynamic(join(root, SHARP_NODE))
    expect(elf.needed).toContain('libvips-cpp.so.8.18.7')
    expect(elf.runpath).toContain('$ORIGIN/../../sharp-libvips-linux-x64/lib')
  })

  it('flags a versioned .so left inside app.asar and passes when it is unpacked', async () => {
    const packed = openPackage(await pack({}, [SHARP_NODE, LIBVIPS], '*.node'))
    const bad = checkNativeCode(packed).problems.join('\n')
    expect(bad).toContain('libvips-cpp.so.8.18.7 is inside app.asar')
    expect(bad).toContain('needs libvips-cpp.so.8.18.7, not found')
    const unpacked = openPackage(await pack({}, [SHARP_NODE, LIBVIPS], '{*.node,*.so.*}'))
    expect(checkNativeCode(unpacked).problems).toEqual([])
  })

  it('flags imports that do not resolve and sources that must not ship', async () => {
    const resources = await pack(
      {
        'out/main/index.js': 'import a from "present";\nimport b from "absent";\nimport "node:fs";',
        'node_modules/present/package.json': '{"name":"present","exports":{".":{"import":"./lib/a.js"}}}',
        'node_modules/present/lib/a.js': 'export default 1',
        'src-main/index.ts': '',
        'node_modules/vitest/package.json': '{}'
      },
      [],
      '*.node'
    )
    const pkg = openPackage(resources)
    expect(unresolvedImports(pkg, ['out/main/index.js'])).toEqual([{ from: 'out/main/index.js', spec: 'absent' }])
    expect(forbiddenEntries(pkg, ['vitest'])).toEqual(expect.arrayContaining(['src-main', 'node_modules/vitest']))
  })
})
