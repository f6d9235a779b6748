// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Modal } from '../../../src-renderer/src/components/Modal'
import { TooltipProvider } from '../../../src-renderer/src/components/Tooltip'
import { Notices } from '../../../src-renderer/src/features/shell/Notices'
import { initialAppState, useAppStore } from '../../../src-renderer/src/stores/app'

// The real Modal and the real toasts (Radix layers both): a toast raised while a dialog is
// open is the newest layer, and Escape must still close the dialog focus is in.

function Screen() {
  const [open, setOpen] = useState(true)
  const [inner, setInner] = useState(false)
  return (
    <TooltipProvider>
      <Notices />
      {open ? (
        <Modal title="Outer" onClose={() => setOpen(false)}>
          <button type="button" onClick={() => setInner(true)}>
            Open inner
          </button>
          {inner ? (
            <Modal title="Inner" onClose={() => setInner(false)}>
              <p>Inner body</p>
            </Modal>
          ) : null}
        </Modal>
      ) : null}
    </TooltipProvider>
  )
}

const raise = (message: string) => act(() => void useAppStore.getState().pushNotice({ level: 'success', message }))

describe('Escape under a toast', () => {
  beforeEach(() => useAppStore.setState({ ...initialAppState }))
  afterEach(cleanup)

  it('closes the open dialog and leaves the toast up', async () => {
    const user = userEvent.setup()
    render(<Screen />)
    expect(screen.getByRole('dialog', { name: 'Outer' })).toBeTruthy()
    raise('Copied the prompt')
    expect(await screen.findByText('Copied the prompt')).toBeTruthy()

    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog', { name: 'Outer' })).toBeNull()
    expect(screen.getByText('Copied the prompt')).toBeTruthy()
    expect(useAppStore.getState().notices).toHaveLength(1)
  })

  it('closes only the innermost of two dialogs per Escape', async () => {
    const user = userEvent.setup()
    render(<Screen />)
    await user.click(screen.getByRole('button', { name: 'Open inner' }))
    expect(screen.getByRole('dialog', { name: 'Inner' })).toBeTruthy()
    raise('Saved')
    await screen.findByText('Saved')

    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog', { name: 'Inner' })).toBeNull()
    expect(screen.getByRole('dialog', { name: 'Outer' })).toBeTruthy()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog', { name: 'Outer' })).toBeNull()
  })

  it('still dismisses the toast when no dialog is open', async () => {
    const user = userEvent.setup()
    render(
      <TooltipProvider>
        <Notices />
      </TooltipProvider>
    )
    raise('Saved')
    await screen.findByText('Saved')
    await user.keyboard('{Escape}')
    expect(useAppStore.getState().notices).toHaveLength(0)
  })

  it('leaves an Escape outside any Modal (a popover, the page) to the toast, as before', async () => {
    const user = userEvent.setup()
    render(
      <TooltipProvider>
        <Notices />
        <div role="dialog" aria-label="Popover">
          <button type="button">Inside a popover</button>
        </div>
      </TooltipProvider>
    )
    screen.getByRole('button', { name: 'Inside a popover' }).focus()
    raise('Saved')
    await screen.findByText('Saved')
    await user.keyboard('{Escape}')
    expect(useAppStore.getState().notices).toHaveLength(0)
  })
})
