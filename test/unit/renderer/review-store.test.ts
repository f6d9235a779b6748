import { beforeEach, describe, expect, it } from 'vitest'
import { initialLibraryState, useLibraryStore } from '../../../src-renderer/src/stores/library'
import { initialReviewState, MAX_COMPARE, useReviewStore, viewerId } from '../../../src-renderer/src/stores/review'

const review = () => useReviewStore.getState()

beforeEach(() => {
  useLibraryStore.setState({ ...initialLibraryState, ids: ['a', 'b', 'c', 'd'] })
  useReviewStore.setState(initialReviewState)
})

describe('review store (viewer and compare)', () => {
  it('opens the viewer on an id of the Library list and steps through it, stopping at the ends', () => {
    review().openViewer('b')
    expect(viewerId(review())).toBe('b')
    review().step(1)
    review().step(1)
    expect(viewerId(review())).toBe('d')
    review().step(1)
    expect(viewerId(review())).toBe('d')
    review().step(-10)
    expect(viewerId(review())).toBe('a')
  })

  it('steps through the list it was given, and views an id outside any list alone', () => {
    review().openViewer('x', ['q', 'x', 'x', 'y'])
    expect(review().ids).toEqual(['q', 'x', 'y'])
    expect(review().index).toBe(1)
    review().openViewer('zz')
    expect(review().ids).toEqual(['zz'])
  })

  it('opens compare on 2 to 4 distinct ids and refuses anything else without a change', () => {
    expect(review().openCompare(['a'])).toBe(false)
    expect(review().openCompare(['a', 'a'])).toBe(false)
    expect(review().openCompare(['a', 'b', 'c', 'd', 'e'])).toBe(false)
    expect(review().mode).toBe('closed')
    expect(review().openCompare(['a', 'b', 'c'])).toBe(true)
    expect(review()).toMatchObject({ mode: 'compare', ids: ['a', 'b', 'c'] })
    expect(viewerId(review())).toBeNull()
    review().step(1) // not the viewer: nothing moves
    expect(review().index).toBe(0)
  })

  it('picks at most four outputs for compare, and a second toggle unpicks', () => {
    for (const id of ['a', 'b', 'c', 'd', 'e']) review().togglePick(id)
    expect(review().picked).toHaveLength(MAX_COMPARE)
    review().togglePick('b')
    expect(review().picked).toEqual(['a', 'c', 'd'])
    review().openCompare(review().picked)
    expect(review().picked).toEqual([])
  })

  it('forgets deleted outputs: the next one takes the place of the one shown, and an empty list closes', () => {
    review().openViewer('b')
    review().forget(['a', 'b'])
    expect(review().ids).toEqual(['c', 'd'])
    expect(viewerId(review())).toBe('c')
    review().step(1)
    review().forget(['d'])
    expect(viewerId(review())).toBe('c')
    review().forget(['c'])
    expect(review().mode).toBe('closed')
  })

  it('closes', () => {
    review().openViewer('a')
    review().close()
    expect(review()).toMatchObject({ mode: 'closed', ids: [] })
  })
})
