import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { Markdown, parseBlocks, safeHref } from '../../../src-renderer/src/features/chat/markdown'

/** The agent's replies as Markdown: what it renders, and that nothing in a reply becomes HTML. */

const html = (text: string) => renderToStaticMarkup(<Markdown text={text} onLink={() => undefined} />)

describe('chat markdown', () => {
  it('renders paragraphs, emphasis, code, headings and lists (indented lines continue an item)', () => {
    const out = html('# Plan\n\nGenerating **2 images** of *concept 3* with `lifestyle`.\n\n1. Problem\n   Hook: Still?\n2. Proof\n\n- a\n- b\n\n```\nraw <b>\n```')
    expect(out).toContain('<h3>Plan</h3>')
    expect(out).toContain('<strong>2 images</strong>')
    expect(out).toContain('<em>concept 3</em>')
    expect(out).toContain('<code>lifestyle</code>')
    expect(out).toContain('<ol start="1"><li>Problem<br/>Hook: Still?</li><li>Proof</li></ol>')
    expect(out).toContain('<ul><li>a</li><li>b</li></ul>')
    expect(out).toContain('<pre><code>raw &lt;b&gt;</code></pre>')
  })

  it('web links become links that open through the handler; others stay text', () => {
    const out = html('See [the guide](https://krev.ai/docs) or https://app.krev.ai/settings.')
    expect(out).toContain('<a href="https://krev.ai/docs" rel="noreferrer noopener" title="https://krev.ai/docs">the guide</a>')
    expect(out).toContain('<a href="https://app.krev.ai/settings"')
    expect(out).toMatch(/settings<\/a>\.<\/p>/)
    expect(safeHref('https://x.y/z')).toBe('https://x.y/z')
  })

  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['[click](javascript:alert(1))', 'click'],
    ['[x](data:text/html;base64,PHNjcmlwdD4=)', 'x'],
    ['**<iframe src="evil.html">**', '<strong>&lt;iframe src=&quot;evil.html&quot;&gt;</strong>'],
    ['`</code><script>x</script>`', '<code>&lt;/code&gt;&lt;script&gt;x&lt;/script&gt;</code>'],
    ['[a](https://ok.example/" onmouseover="alert(1))', 'onmouseover']
  ])('renders %s as text, never as HTML', (input, expected) => {
    const out = html(input)
    expect(out).toContain(expected)
    expect(out).not.toMatch(/<(script|img|iframe)\b/i)
    expect(out).not.toMatch(/href="(javascript|data):/i)
    expect(out).not.toMatch(/\son\w+="/i)
  })

  it('parses blank-line separated blocks, keeping single line breaks inside a paragraph', () => {
    expect(parseBlocks('one\ntwo\n\nthree')).toEqual([
      { type: 'p', lines: ['one', 'two'] },
      { type: 'p', lines: ['three'] }
    ])
  })
})
