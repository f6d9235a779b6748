import { Button } from '../../components/Button'
import { Modal } from '../../components/Modal'
import { plural } from '../../lib/format'

/** Asks before a delete. Cancel comes first (and Escape), so a stray Enter never deletes; the files go to the trash, not away. */
export function ConfirmTrash({ count, onConfirm, onCancel }: { count: number; onConfirm(): void; onCancel(): void }) {
  const what = count === 1 ? 'this item' : `these ${plural(count, 'item')}`
  return (
    <Modal title={`Move ${what} to the trash?`} showTitle onClose={onCancel} className="confirm-trash">
      <p className="confirm-trash-text">
        The {count === 1 ? 'file and its details go' : 'files and their details go'} to the trash, so you can still get{' '}
        {count === 1 ? 'it' : 'them'} back from there.
      </p>
      <div className="form-actions">
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button variant="danger" icon="trash" onClick={onConfirm}>
          Move to trash
        </Button>
      </div>
    </Modal>
  )
}
