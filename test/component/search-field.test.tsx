import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { SearchField } from '../../src-renderer/src/components/SearchField'

/** The one search box (Chat, Products, Library) as a person uses it: by name and keyboard. */

afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

/** A screen that keeps the search, with a way to change it from outside (a "remove search" chip). */
function Harness({ delay, onSearch = () => {} }: { delay?: number; onSearch?: (v: string) => void }) {
  const [search, setSearch] = useState('')
  return (
    <>
      <SearchField
        label="Search prompts and tags"
        placeholder="Search prompts"
        value={search}
        delay={delay}
        onChange={(v) => {
          onSearch(v)
          setSearch(v)
        }}
      />
      <output data-testid="kept">{search}</output>
      <button type="button" onClick={() => setSearch('')}>
        Remove search
      </button>
    </>
  )
}

const field = () => screen.getByRole('searchbox', { name: 'Search prompts and tags' })
const type = (text: string) => fireEvent.change(field(), { target: { value: text } })

describe('SearchField', () => {
  it('is a searchbox named by its label, with no clear button while empty', () => {
    render(<Harness />)
    expect(field()).toHaveProperty('placeholder', 'Search prompts')
    expect(screen.queryByRole('button', { name: 'Clear search' })).toBeNull()
  })

  it('hands every key on at once without a delay', () => {
    const onSearch = vi.fn()
    render(<Harness onSearch={onSearch} />)
    type('mar')
    expect(onSearch).toHaveBeenLastCalledWith('mar')
    expect(screen.getByTestId('kept').textContent).toBe('mar')
  })

  it('with a delay, hands the text on once typing pauses: one search per pause', () => {
    vi.useFakeTimers()
    const onSearch = vi.fn()
    render(<Harness delay={250} onSearch={onSearch} />)
    type('m')
    type('ma')
    act(() => vi.advanceTimersByTime(200))
    type('mar')
    expect(onSearch).not.toHaveBeenCalled()
    act(() => vi.advanceTimersByTime(250))
    expect(onSearch).toHaveBeenCalledOnce()
    expect(onSearch).toHaveBeenCalledWith('mar')
    expect(field()).toHaveProperty('value', 'mar')
  })

  it('× clears at once (no pending search left) and puts focus back in the field', () => {
    vi.useFakeTimers()
    const onSearch = vi.fn()
    render(<Harness delay={250} onSearch={onSearch} />)
    type('marble')
    act(() => vi.advanceTimersByTime(250))
    type('marble lea')
    fireEvent.click(screen.getByRole('button', { name: 'Clear search' }))
    expect(field()).toHaveProperty('value', '')
    expect(onSearch).toHaveBeenLastCalledWith('')
    expect(document.activeElement).toBe(field())
    expect(screen.queryByRole('button', { name: 'Clear search' })).toBeNull()
    act(() => vi.advanceTimersByTime(1000))
    expect(onSearch.mock.calls).toEqual([['marble'], ['']])
  })

  it('Escape clears a field with text and goes no further; an empty field lets Escape through', () => {
    const outside = vi.fn()
    render(
      <div onKeyDown={(e) => e.key === 'Escape' && outside()}>
        <Harness />
      </div>
    )
    type('leather')
    fireEvent.keyDown(field(), { key: 'Escape' })
    expect(field()).toHaveProperty('value', '')
    expect(screen.getByTestId('kept').textContent).toBe('')
    expect(outside).not.toHaveBeenCalled()
    fireEvent.keyDown(field(), { key: 'Escape' })
    expect(outside).toHaveBeenCalledOnce()
  })

  it('shows a search cleared from outside, and the screen\'s echo never resets what is being typed', () => {
    vi.useFakeTimers()
    render(<Harness delay={250} />)
    type('marble')
    act(() => vi.advanceTimersByTime(250))
    expect(screen.getByTestId('kept').textContent).toBe('marble')
    type('marble leather')
    expect(field()).toHaveProperty('value', 'marble leather')
    fireEvent.click(screen.getByRole('button', { name: 'Remove search' }))
    expect(field()).toHaveProperty('value', '')
    act(() => vi.advanceTimersByTime(1000))
    expect(screen.getByTestId('kept').textContent).toBe('')
  })
})
