import { Button } from '../../components/Button'
import { useBatchStore } from '../../stores/batch'
import { BatchDialog } from './BatchDialog'
import './batch.css'

/** Create's way into a batch: one line in the form, the dialog when it is open. */
export function BatchEntry() {
  const open = useBatchStore((s) => s.open)
  const openForm = useBatchStore((s) => s.openForm)
  return (
    <div className="batch-entry">
      <span className="batch-entry-text">Several products or prompts? Send them as a batch, one job each.</span>
      <Button size="sm" icon="plus" onClick={openForm}>
        New batch…
      </Button>
      {open ? <BatchDialog /> : null}
    </div>
  )
}
