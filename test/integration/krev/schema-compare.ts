/**
 * Compares a client zod schema (as JSON Schema, input side) with a response schema of
 * the sandbox's OpenAPI document. The client is the consumer, so the rule is one-way:
 * every field the client REQUIRES must exist in the document, be required there, not be
 * nullable there unless the client accepts null; every shape (type, enum value) the
 * document allows must be accepted by the client. Fields the client treats
 * as optional are compared only when both sides describe them (for nested requirements).
 */

type JS = Record<string, unknown>

const asObj = (v: unknown): JS => (typeof v === 'object' && v !== null ? (v as JS) : {})

function deref(root: JS, s: JS, seen = 0): JS {
  const ref = s.$ref
  if (typeof ref !== 'string' || seen > 20) return s
  const parts = ref.replace(/^#\//, '').split('/')
  let node: unknown = root
  for (const p of parts) node = asObj(node)[p]
  return deref(root, { ...asObj(node), ...Object.fromEntries(Object.entries(s).filter(([k]) => k !== '$ref')) }, seen + 1)
}

const typesOf = (s: JS): string[] =>
  Array.isArray(s.type) ? (s.type as string[]) : typeof s.type === 'string' ? [s.type] : []

/** Flattens oneOf/anyOf into alternatives and merges allOf; `null` alternatives are reported separately. */
function alternatives(root: JS, input: JS): { alts: JS[]; nullable: boolean } {
  const s = deref(root, input)
  let nullable = typesOf(s).includes('null') || s.const === null
  if (Array.isArray(s.allOf)) {
    const merged: JS = { type: 'object', properties: {}, required: [] }
    for (const part of s.allOf as JS[]) {
      const r = alternatives(root, part)
      for (const a of r.alts) {
        Object.assign(merged.properties as JS, asObj(a.properties))
        ;(merged.required as string[]).push(...((a.required as string[]) ?? []))
      }
    }
    return { alts: [merged], nullable }
  }
  const union = (s.oneOf ?? s.anyOf) as JS[] | undefined
  if (Array.isArray(union)) {
    const alts: JS[] = []
    for (const u of union) {
      const r = alternatives(root, u)
      nullable ||= r.nullable
      alts.push(...r.alts)
    }
    return { alts, nullable }
  }
  const types = typesOf(s).filter((t) => t !== 'null')
  if (typesOf(s).length > 0 && types.length === 0) return { alts: [], nullable: true }
  return { alts: [{ ...s, ...(types.length ? { type: types.length === 1 ? types[0] : types } : {}) }], nullable }
}

const kind = (s: JS): string => {
  const t = typesOf(s)
  if (t.includes('object') || s.properties) return 'object'
  if (t.includes('array') || s.items) return 'array'
  return t[0] ?? 'any'
}

function compatible(client: JS, doc: JS): boolean {
  const c = kind(client)
  const d = kind(doc)
  if (c === 'any' || d === 'any') return true
  if (c === d) return true
  return c === 'number' && d === 'integer'
}

function enumValues(s: JS): unknown[] | null {
  if (Array.isArray(s.enum)) return s.enum
  if (s.const !== undefined) return [s.const]
  return null
}

export function compareSchemas(clientRoot: JS, docRoot: JS, client: JS, doc: JS, path: string, problems: string[]): void {
  const c = alternatives(clientRoot, client)
  const d = alternatives(docRoot, doc)
  const where = path || '(root)'
  // Every shape the document may send must be accepted by some client alternative.
  for (const dalt of d.alts) {
    const calt = c.alts.find((x) => compatible(x, dalt))
    if (!calt) {
      if (c.alts.length > 0) problems.push(`${where}: document sends ${kind(dalt)}, client accepts ${c.alts.map(kind).join('|')}`)
      continue
    }
    const cEnum = enumValues(calt)
    if (cEnum) {
      for (const v of enumValues(dalt) ?? []) {
        if (!cEnum.includes(v)) problems.push(`${where}: document allows ${JSON.stringify(v)}, client would reject it`)
      }
    }
    if (kind(calt) === 'object') {
      const cReq = new Set((calt.required as string[]) ?? [])
      const dProps = asObj(dalt.properties)
      const dReq = new Set((dalt.required as string[]) ?? [])
      for (const [key, cProp] of Object.entries(asObj(calt.properties))) {
        const at = path ? `${path}.${key}` : key
        if (!(key in dProps)) {
          if (cReq.has(key)) problems.push(`${at}: required by the client, absent from the document`)
          continue
        }
        const dProp = asObj(dProps[key])
        if (cReq.has(key)) {
          if (!dReq.has(key)) problems.push(`${at}: required by the client, optional in the document`)
          if (alternatives(docRoot, dProp).nullable && !alternatives(clientRoot, asObj(cProp)).nullable) {
            problems.push(`${at}: nullable in the document, the client does not accept null`)
          }
        }
        compareSchemas(clientRoot, docRoot, asObj(cProp), dProp, at, problems)
      }
    }
    if (kind(calt) === 'array' && calt.items && dalt.items) {
      compareSchemas(clientRoot, docRoot, asObj(calt.items), asObj(dalt.items), `${path}[]`, problems)
    }
  }
}

/** The number of required fields the client schema declares, recursively (sanity check that the walk saw something). */
export function countRequired(root: JS, s: JS): number {
  let n = 0
  for (const alt of alternatives(root, s).alts) {
    n += ((alt.required as string[]) ?? []).length
    for (const p of Object.values(asObj(alt.properties))) n += countRequired(root, asObj(p))
    if (alt.items) n += countRequired(root, asObj(alt.items))
  }
  return n
}
