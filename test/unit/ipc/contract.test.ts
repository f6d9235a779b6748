import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { commands, events, isCommandName, isEventName } from '../../../src-preload/contract'

const NAME = /^[a-z]+\.[a-zA-Z]+$/

describe('contract', () => {
  it('names every command and event as domain.action', () => {
    for (const name of [...Object.keys(commands), ...Object.keys(events)]) expect(name).toMatch(NAME)
  })

  it('declares zod input and output schemas for every command', () => {
    for (const spec of Object.values(commands)) {
      expect(spec.input).toBeInstanceOf(z.ZodType)
      expect(spec.output).toBeInstanceOf(z.ZodType)
    }
  })

  it('covers every area of the studio', () => {
    const areas = new Set(Object.keys(commands).map((n) => n.split('.')[0]))
    for (const area of ['app', 'account', 'settings', 'products', 'generation', 'queue', 'library', 'chat', 'conversions']) {
      expect(areas.has(area)).toBe(true)
    }
    expect(isEventName('generation.progress')).toBe(true)
  })

  it('only accepts own names, never inherited ones', () => {
    for (const bad of ['__proto__', 'constructor', 'toString', 'valueOf', '', 'app', 'app.ping ']) {
      expect(isCommandName(bad)).toBe(false)
      expect(isEventName(bad)).toBe(false)
    }
    expect(isCommandName('app.ping')).toBe(true)
  })

  it('keeps every schema JSON-safe: no dates, maps, sets or binary', () => {
    const unsafe = [z.ZodDate, z.ZodMap, z.ZodSet, z.ZodBigInt, z.ZodSymbol, z.ZodFunction, z.ZodPromise]
    const seen = new Set<unknown>()
    const walk = (schema: unknown): void => {
      if (!schema || typeof schema !== 'object' || seen.has(schema)) return
      seen.add(schema)
      for (const T of unsafe) expect(schema instanceof T).toBe(false)
      const def = (schema as { _zod?: { def?: Record<string, unknown> } })._zod?.def
      if (!def) return
      for (const value of Object.values(def)) {
        if (Array.isArray(value)) value.forEach(walk)
        else if (value && typeof value === 'object') {
          if (value instanceof z.ZodType) walk(value)
          else Object.values(value).forEach(walk)
        }
      }
    }
    Object.values(commands).forEach((c) => {
      walk(c.input)
      walk(c.output)
    })
    Object.values(events).forEach(walk)
    // The walk really descended into nested objects, unions and arrays.
    expect(seen.size).toBeGreaterThan(200)
  })
})
