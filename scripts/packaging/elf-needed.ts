// Reads the DT_NEEDED and DT_RUNPATH/DT_RPATH entries of a 64-bit little-endian ELF file:
// which shared libraries a `.node` addon or a bundled library makes the loader look for.
import { readFileSync } from 'node:fs'

export interface ElfDynamic {
  needed: string[]
  runpath: string[]
}

const DT_NEEDED = 1n
const DT_STRTAB = 5n
const DT_RPATH = 15n
const DT_RUNPATH = 29n
const PT_LOAD = 1
const PT_DYNAMIC = 2

export function readElfDynamic(file: string): ElfDynamic {
  const b = readFileSync(file)
  if (b.readUInt32BE(0) !== 0x7f454c46) throw new Error(`${file} is not an ELF file`)
  if (b[4] !== 2 || b[5] !== 1) throw new Error(`${file}: only 64-bit little-endian ELF is supported`)
  const phoff = Number(b.readBigUInt64LE(0x20))
  const phentsize = b.readUInt16LE(0x36)
  const phnum = b.readUInt16LE(0x38)
  const loads: Array<{ vaddr: bigint; offset: bigint; filesz: bigint }> = []
  let dynamic: { offset: number; size: number } | null = null
  for (let i = 0; i < phnum; i++) {
    const p = phoff + i * phentsize
    const type = b.readUInt32LE(p)
    const offset = b.readBigUInt64LE(p + 8)
    const vaddr = b.readBigUInt64LE(p + 16)
    const filesz = b.readBigUInt64LE(p + 32)
    if (type === PT_LOAD) loads.push({ vaddr, offset, filesz })
    if (type === PT_DYNAMIC) dynamic = { offset: Number(offset), size: Number(filesz) }
  }
  if (!dynamic) return { needed: [], runpath: [] }
  // The string table is given as a virtual address: map it back to a file offset.
  const toOffset = (addr: bigint): number => {
    const seg = loads.find((l) => addr >= l.vaddr && addr < l.vaddr + l.filesz)
    if (!seg) throw new Error(`address 0x${addr.toString(16)} is in no loaded segment`)
    return Number(addr - seg.vaddr + seg.offset)
  }
  const entries: Array<[bigint, bigint]> = []
  for (let p = dynamic.offset; p + 16 <= dynamic.offset + dynamic.size; p += 16) {
    const tag = b.readBigInt64LE(p)
    if (tag === 0n) break
    entries.push([tag, b.readBigUInt64LE(p + 8)])
  }
  const strtab = entries.find(([t]) => t === DT_STRTAB)
  if (!strtab) return { needed: [], runpath: [] }
  const base = toOffset(strtab[1])
  const str = (off: bigint): string => {
    const start = base + Number(off)
    return b.toString('latin1', start, b.indexOf(0, start))
  }
  return {
    needed: entries.filter(([t]) => t === DT_NEEDED).map(([, v]) => str(v)),
    runpath: entries.filter(([t]) => t === DT_RUNPATH || t === DT_RPATH).flatMap(([, v]) => str(v).split(':'))
  }
}
