import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Modal } from '../../src-renderer/src/components/Modal'
import { TOOLTIP_DELAY_MS } from '../../src-renderer/src/components/Tooltip'
import { TruncatedText } from '../../src-renderer/src/components/TruncatedText'

/**
 * TruncatedText as a person meets it: the whole name on hover or keyboard focus, only when it
 * is cut, and an Escape that still reaches what it was meant for. jsdom lays nothing out, so
 * each test gives the text its box (scroll size over client size = cut).
 */

const NAME = 'Linen shirt, relaxed fit, washed sage green, long sleeves'

beforeEach(() => vi.useFakeTimers())
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

/** The text's box: `cut` makes its content wider (or taller, for a clamp) than itself. */
function size(el: HTMLElement, cut: boolean): HTMLElement {
  for (const [prop, value] of Object.entries({ clientWidth: 100, scrollWidth: cut ? 320 : 100, clientHeight: 40, scrollHeight: cut ? 80 : 40 })) {
    Object.defineProperty(el, prop, { configurable: true, value })
  }
  return el
}

const textIn = (container: HTMLElement) => container.querySelector<HTMLElement>('[data-truncated-text]')!
const tooltip = () => document.body.querySelector('.truncated-tooltip')

function hover(el: HTMLElement): void {
  fireEvent.pointerEnter(el, { pointerType: 'mouse' })
  act(() => vi.advanceTimersByTime(TOOLTIP_DELAY_MS))
}

/** Keyboard focus: a key first, so the browser (and jsdom) count the focus as :focus-visible. */
function keyboardFocus(el: HTMLElement): void {
  fireEvent.keyDown(document.body, { key: 'Tab' })
  act(() => el.focus())
}

/** The rendered button named NAME, its text cut, keyboard-focused: its tooltip is up. */
function focusCutText(): HTMLElement {
  const button = screen.getByRole('button', { name: NAME })
  size(textIn(button), true)
  keyboardFocus(button)
  expect(tooltip()).not.toBeNull()
  return button
}

describe('TruncatedText', () => {
  it('shows the whole text after the tooltip delay when the text is cut, and hides it when the pointer leaves', () => {
    const { container } = render(<TruncatedText text={NAME} className="product-name" />)
    const el = size(textIn(container), true)
    fireEvent.pointerEnter(el, { pointerType: 'mouse' })
    act(() => vi.advanceTimersByTime(TOOLTIP_DELAY_MS - 50))
    expect(tooltip()).toBeNull()
    act(() => vi.advanceTimersByTime(50))
    expect(tooltip()?.textContent).toBe(NAME)
    fireEvent.pointerLeave(el, { pointerType: 'mouse' })
    expect(tooltip()).toBeNull()
  })

  it('shows nothing, and no title, when the text fits', () => {
    const { container } = render(<TruncatedText text="Linen shirt" />)
    const el = size(textIn(container), false)
    hover(el)
    expect(tooltip()).toBeNull()
    expect(container.querySelector('[title]')).toBeNull()
  })

  it('a shortened form (a job title cut at 80 characters) shows the whole text even when it fits', () => {
    const { container } = render(
      <TruncatedText text={NAME} shortened>
        Linen shirt, relaxed fit…
      </TruncatedText>
    )
    hover(size(textIn(container), false))
    expect(tooltip()?.textContent).toBe(NAME)
  })

  it('measures a clamp by its height', () => {
    const { container } = render(<TruncatedText text={NAME} lines={2} />)
    const el = size(textIn(container), false)
    Object.defineProperty(el, 'scrollWidth', { value: 999 })
    hover(el)
    expect(tooltip()).toBeNull()
    fireEvent.pointerLeave(el)
    size(el, true)
    hover(el)
    expect(tooltip()?.textContent).toBe(NAME)
  })

  it('shows at once on keyboard focus of its button, and leaves the button named by its text', () => {
    render(
      <button type="button">
        <TruncatedText text={NAME} />
      </button>
    )
    const button = screen.getByRole('button', { name: NAME })
    size(textIn(button), true)
    keyboardFocus(button)
    expect(tooltip()?.textContent).toBe(NAME)
    // Looks only: no second name, no description, nothing for a screen reader to read twice.
    expect(tooltip()?.getAttribute('aria-hidden')).toBe('true')
    expect(button.getAttribute('aria-label')).toBeNull()
    expect(button.getAttribute('aria-describedby')).toBeNull()
    expect(screen.getByRole('button', { name: NAME })).toBe(button)
    act(() => button.blur())
    expect(tooltip()).toBeNull()
  })

  it('shows nothing when focus lands on a dialog around the text (as it opens), only on the text’s own button', () => {
    render(
      <div role="dialog" tabIndex={-1} aria-label="Compare">
        <TruncatedText text={NAME} />
        <button type="button">
          <TruncatedText text={`${NAME}, second`} />
        </button>
      </div>
    )
    for (const el of document.querySelectorAll<HTMLElement>('[data-truncated-text]')) size(el, true)
    keyboardFocus(screen.getByRole('dialog'))
    expect(tooltip()).toBeNull()
    keyboardFocus(screen.getByRole('button'))
    expect(tooltip()?.textContent).toBe(`${NAME}, second`)
  })

  it('hides on a press, so a click or a drag-out on a tile is not covered', () => {
    const { container } = render(<TruncatedText text={NAME} />)
    const el = size(textIn(container), true)
    hover(el)
    expect(tooltip()).not.toBeNull()
    fireEvent.pointerDown(el)
    expect(tooltip()).toBeNull()
  })

  it('hides on Escape without taking it: the grid below still gets the key, unprevented, and may stop it', () => {
    const onKey = vi.fn((e: { key: string; defaultPrevented: boolean }) => ({ key: e.key, prevented: e.defaultPrevented }))
    render(
      // As the Library grid: it handles the key and stops it there, before the document.
      <div
        role="grid"
        onKeyDown={(e) => {
          onKey(e)
          e.stopPropagation()
        }}
      >
        <button type="button">
          <TruncatedText text={NAME} />
        </button>
      </div>
    )
    const button = focusCutText()
    // true: nothing, before or after the grid, called preventDefault on it.
    expect(fireEvent.keyDown(button, { key: 'Escape' })).toBe(true)
    expect(tooltip()).toBeNull()
    expect(onKey).toHaveLastReturnedWith({ key: 'Escape', prevented: false })
  })

  it('leaves Escape to the dialog it is in: one Escape closes the dialog, tooltip and all', () => {
    const onClose = vi.fn()
    render(
      <Modal title="Asset details" onClose={onClose}>
        <button type="button">
          <TruncatedText text={NAME} />
        </button>
      </Modal>
    )
    const button = focusCutText()
    fireEvent.keyDown(button, { key: 'Escape' })
    expect(onClose).toHaveBeenCalledOnce()
    expect(tooltip()).toBeNull()
  })
})
