import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Modal, ModalClose } from '../../src-renderer/src/components/Modal'
import { Select } from '../../src-renderer/src/components/Select'
import { Switch } from '../../src-renderer/src/components/Switch'

/**
 * The design-system primitives as a person uses them: by role, name and keyboard. Runs in
 * the `component` project (jsdom + Testing Library; see vitest.config.ts).
 */

afterEach(cleanup)

function ModalHarness({ onClose = () => {} }: { onClose?: () => void }) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button onClick={() => setOpen(true)}>Open details</button>
      {open ? (
        <Modal
          title="Asset details"
          onClose={() => {
            onClose()
            setOpen(false)
          }}
        >
          <button>First action</button>
          <ModalClose>Close</ModalClose>
        </Modal>
      ) : null}
    </>
  )
}

describe('Modal', () => {
  it('focuses the dialog itself (named by its title), and returns focus to the opener on Escape', async () => {
    const onClose = vi.fn()
    render(<ModalHarness onClose={onClose} />)
    const opener = screen.getByRole('button', { name: 'Open details' })
    opener.focus()
    fireEvent.click(opener)
    const dialog = await screen.findByRole('dialog', { name: 'Asset details' })
    await waitFor(() => expect(document.activeElement).toBe(dialog))
    fireEvent.keyDown(dialog, { key: 'Escape' })
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(onClose).toHaveBeenCalledOnce()
    expect(document.activeElement).toBe(opener)
  })

  it('closes from its Close button, focus back on the opener', async () => {
    render(<ModalHarness />)
    const opener = screen.getByRole('button', { name: 'Open details' })
    opener.focus()
    fireEvent.click(opener)
    fireEvent.click(await screen.findByRole('button', { name: 'Close' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(document.activeElement).toBe(opener)
  })
})

describe('Switch', () => {
  it('is a named switch that reports its new state, and is described by its description', () => {
    const onChange = vi.fn()
    render(<Switch label="Notifications" description="When a job finishes" checked={false} onChange={onChange} />)
    const sw = screen.getByRole('switch', { name: 'Notifications' })
    expect(sw.getAttribute('aria-checked')).toBe('false')
    expect(sw.getAttribute('aria-describedby')).toBeTruthy()
    expect(document.getElementById(sw.getAttribute('aria-describedby') ?? '')?.textContent).toBe('When a job finishes')
    fireEvent.click(sw)
    expect(onChange).toHaveBeenCalledWith(true)
  })

  it('does nothing while disabled', () => {
    const onChange = vi.fn()
    render(<Switch label="Sounds" checked onChange={onChange} disabled />)
    fireEvent.click(screen.getByRole('switch', { name: 'Sounds' }))
    expect(onChange).not.toHaveBeenCalled()
  })
})

describe('Select', () => {
  const options = [
    { value: 'website', label: 'Website' },
    { value: 'app', label: 'App' },
    { value: 'email', label: 'Email' }
  ]

  it('shows the chosen label on a combobox that takes the field id, and picks an option from the open list', async () => {
    const onChange = vi.fn()
    render(
      <>
        <label htmlFor="source">Action source</label>
        <Select control={{ id: 'source' }} value="website" options={options} onChange={onChange} />
      </>
    )
    const trigger = screen.getByRole('combobox', { name: 'Action source' })
    expect(trigger.textContent).toContain('Website')
    await act(async () => {
      trigger.focus()
      fireEvent.keyDown(trigger, { key: 'Enter' })
    })
    fireEvent.click(await screen.findByRole('option', { name: 'Email' }))
    expect(onChange).toHaveBeenCalledWith('email')
  })
})
