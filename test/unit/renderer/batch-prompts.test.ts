import { describe, expect, it } from 'vitest'
import { describeProblem, parsePromptCsv, parsePromptLines } from '../../../src-renderer/src/features/create/batch-prompts'

const PRODUCTS = [
  { id: 'p-wallet', name: 'Leather wallet' },
  { id: 'p-bag', name: 'Tote bag' }
]

describe('batch prompts: pasted lines', () => {
  it('one prompt per non-empty line, with its line number, whatever the line endings', () => {
    const out = parsePromptLines('\uFEFFWallet on marble\r\n\r\n  Bag on a bench  \rBelt, coiled\n')
    expect(out.problems).toEqual([])
    expect(out.rows).toEqual([
      { line: 1, prompt: 'Wallet on marble' },
      { line: 3, prompt: 'Bag on a bench' },
      { line: 4, prompt: 'Belt, coiled' }
    ])
  })

  it('a prompt over 4,000 characters is a problem on its line; more than 200 prompts is refused', () => {
    expect(parsePromptLines(`ok\n${'x'.repeat(4001)}`).problems).toEqual([{ line: 2, message: 'the prompt is longer than 4,000 characters.' }])
    const many = parsePromptLines(Array.from({ length: 201 }, (_, i) => `Prompt ${i}`).join('\n'))
    expect(many.problems[0]?.message).toBe('201 prompts: a batch takes at most 200. Split it in two.')
  })
})

describe('batch prompts: CSV', () => {
  it('reads quotes, doubled quotes, commas and newlines inside quotes, a BOM and CRLF; the other columns set parameters', () => {
    const csv =
      '\uFEFFPrompt,Aspect Ratio,variants,HD,products\r\n' +
      '"Wallet on marble, top light",4:3,4,yes,Leather wallet\r\n' +
      '"He said ""hi""\nto the bag",,,no,tote bag; p-wallet\r\n' +
      'Plain one,,,,\r\n'
    const out = parsePromptCsv(csv, 'image', PRODUCTS)
    expect(out.problems).toEqual([])
    expect(out.rows).toEqual([
      { line: 2, prompt: 'Wallet on marble, top light', aspect: '4:3', count: 4, hd: true, productIds: ['p-wallet'] },
      { line: 3, prompt: 'He said "hi"\nto the bag', hd: false, productIds: ['p-bag', 'p-wallet'] },
      { line: 5, prompt: 'Plain one' }
    ])
  })

  it('semicolon-separated files (European spreadsheets) work too', () => {
    expect(parsePromptCsv('prompt;variants\nA bag;2\n', 'ad', PRODUCTS).rows).toEqual([{ line: 2, prompt: 'A bag', count: 2 }])
  })

  it('reports every bad row with its line number and keeps none of them', () => {
    const csv = [
      'prompt,aspect_ratio,variants,duration,products',
      'Good row,1:1,2,,',
      ',1:1,,,', // empty prompt
      'Bad aspect,2:1,,,',
      'Bad count,,3,,',
      'Image with a duration,,,8,',
      'Unknown product,,,,Sofa',
      'Too,many,cells,here,x,y'
    ].join('\n')
    const out = parsePromptCsv(csv, 'image', PRODUCTS)
    expect(out.rows.map((r) => r.line)).toEqual([2])
    expect(out.problems.map(describeProblem)).toEqual([
      'Line 3: the prompt is empty.',
      'Line 4: aspect ratio “2:1” is not one of 1:1, 16:9, 9:16, 4:3, 3:4.',
      'Line 5: variants must be 1, 2, 4 (not “3”).',
      'Line 6: images have no duration.',
      'Line 7: no product named “Sofa” (use its name as it appears in Products, separated by “;”).',
      'Line 8: 6 cells for 5 columns (a comma inside a prompt needs the prompt in quotes).'
    ])
  })

  it('checks the kind: video durations and audio, ad aspects', () => {
    const video = parsePromptCsv('prompt,duration,audio\nOrbit,8,native\nToo long,60,\nLoud,,loud\n', 'video', PRODUCTS)
    expect(video.rows).toEqual([{ line: 2, prompt: 'Orbit', duration: 8, audioMode: 'native' }])
    expect(video.problems.map((p) => p.line)).toEqual([3, 4])
    expect(parsePromptCsv('prompt,aspect\nAd,16:9\n', 'ad', PRODUCTS).problems.map(describeProblem)).toEqual([
      'Line 2: aspect ratio “16:9” is not one of 1:1, 4:5, 9:16.'
    ])
  })

  it('refuses a file it cannot read as prompts, saying why', () => {
    expect(parsePromptCsv('', 'image', []).problems.map(describeProblem)).toEqual(['The file is empty.'])
    expect(parsePromptCsv('title,hd\nx,yes\n', 'image', []).problems.map(describeProblem)).toEqual([
      'Line 1: unknown column “title”. Columns can be: prompt, aspect_ratio, variants, hd, duration, audio_mode, products, brand_context.'
    ])
    expect(parsePromptCsv('hd\nyes\n', 'image', []).problems.map(describeProblem)).toEqual(['Line 1: the header row needs a “prompt” column.'])
    expect(parsePromptCsv('prompt\n', 'image', []).problems.map(describeProblem)).toEqual(['The file has a header row but no prompts.'])
    expect(parsePromptCsv('prompt\nfine\n"never closed\nmore\n', 'image', []).problems.map(describeProblem)).toEqual([
      'Line 3: a quoted cell is never closed (a “"” is missing).'
    ])
  })
})
