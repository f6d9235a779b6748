import { describe, expect, it } from 'vitest'
import {
  MAX_IMPORT_ROWS,
  parseConversionFile,
  parseCsv
} from '../../../src-renderer/src/features/account/conversion-import'

const NOW = Date.parse('2026-05-01T12:00:00Z')
const T = Math.floor(NOW / 1000) - 3600
const HEADER = 'event_name,event_time,event_id,action_source,event_source_url,email,phone,external_id,currency,value'

describe('CSV parsing', () => {
  it('handles quotes, escaped quotes, embedded newlines, CRLF and blank lines', () => {
    const rows = parseCsv('a,b,c\r\n"x, y","say ""hi""","line1\nline2"\n\n1,2,3')
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['x, y', 'say "hi"', 'line1\nline2'] },
      { line: 5, cells: ['1', '2', '3'] }
    ])
  })
})

describe('conversion import', () => {
  it('reads a CSV with per-row errors that name the line', () => {
    const csv = [
      HEADER,
      `Purchase,${T},o1,website,https://shop.example.com/p,a@b.co,,,USD,79`,
      `Purchase,${T},o2,website,https://shop.example.com/p,not-an-email,,,USD,abc`,
      `Lead,${T},,physical_store,,,,cust_9,,`
    ].join('\n')
    const out = parseConversionFile('orders.csv', '\uFEFF' + csv, NOW)
    expect(out.ok).toBe(true)
    if (!out.ok) return
    expect(out).toMatchObject({ format: 'csv', total: 3 })
    expect(out.events).toHaveLength(2)
    expect(out.events[1]).toEqual({ event_name: 'Lead', event_time: T, action_source: 'physical_store', user_data: { external_id: 'cust_9' } })
    expect(out.errors).toEqual([{ label: 'Row 3', message: expect.stringMatching(/email: .*value: /) }])
  })

  it('accepts columns in any order, semicolons, and a subset of columns', () => {
    const csv = `email;event_time;event_name;action_source\nx@y.io;${T};Lead;email`
    const out = parseConversionFile('export.csv', csv, NOW)
    expect(out).toMatchObject({ ok: true, events: [{ event_name: 'Lead', user_data: { email: 'x@y.io' }, action_source: 'email' }] })
  })

  it('refuses unknown or missing columns with a clear message', () => {
    expect(parseConversionFile('a.csv', `event_name,event_time,emial\nLead,${T},a@b.co`, NOW)).toEqual({
      ok: false,
      message: expect.stringMatching(/Unknown column “emial”/)
    })
    expect(parseConversionFile('a.csv', 'event_name,email\nLead,a@b.co', NOW)).toMatchObject({ ok: false, message: expect.stringMatching(/event_time/) })
    expect(parseConversionFile('a.csv', HEADER, NOW)).toMatchObject({ ok: false, message: expect.stringMatching(/no events/) })
    expect(parseConversionFile('a.csv', '  ', NOW)).toMatchObject({ ok: false, message: 'The file is empty.' })
  })

  it('reads JSON: one event, a list, or Meta’s { data: [...] }, flat or nested', () => {
    const one = { event_name: 'Lead', event_time: T, action_source: 'chat', email: 'a@b.co' }
    expect(parseConversionFile('e.json', JSON.stringify(one), NOW)).toMatchObject({ ok: true, format: 'json', events: [{ user_data: { email: 'a@b.co' } }] })
    const list = [one, { ...one, user_data: { phone: '+44 20 7946 0000' }, email: undefined }, 'nope']
    const out = parseConversionFile('e.json', JSON.stringify({ data: list }), NOW)
    expect(out).toMatchObject({ ok: true, total: 3, errors: [{ label: 'Event 3' }] })
    if (out.ok) expect(out.events[1].user_data).toEqual({ phone: '442079460000' })
    expect(parseConversionFile('e.json', '{ nope', NOW)).toMatchObject({ ok: false, message: expect.stringMatching(/valid JSON/) })
    expect(parseConversionFile('e.json', '[]', NOW)).toMatchObject({ ok: false })
  })

  it('sniffs the format when the name has no known extension', () => {
    expect(parseConversionFile('clipboard', `[{"event_name":"Lead","event_time":${T},"action_source":"app","email":"a@b.co"}]`, NOW)).toMatchObject({ ok: true, format: 'json' })
    expect(parseConversionFile('clipboard', `event_name,event_time,email,action_source\nLead,${T},a@b.co,app`, NOW)).toMatchObject({ ok: true, format: 'csv' })
  })

  it(`caps a batch at ${MAX_IMPORT_ROWS} events`, () => {
    const row = `Lead,${T},,app,,a@b.co,,,,`
    const csv = [HEADER, ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, () => row)].join('\n')
    expect(parseConversionFile('big.csv', csv, NOW)).toMatchObject({ ok: false, message: expect.stringMatching(/1,001 events.*1,000/) })
    const json = JSON.stringify(Array.from({ length: MAX_IMPORT_ROWS }, () => ({ event_name: 'Lead', event_time: T, action_source: 'app', email: 'a@b.co' })))
    expect(parseConversionFile('ok.json', json, NOW)).toMatchObject({ ok: true, total: MAX_IMPORT_ROWS })
  })
})
