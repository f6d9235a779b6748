import { Button } from '../../components/Button'
import { Modal } from '../../components/Modal'
import { formatCredits } from '../../lib/format'
import type { SpendAsk } from './use-confirm-spend'
import './confirm-spend.css'

export interface ConfirmSpendProps {
  ask: SpendAsk | null
  onConfirm(): void
  onCancel(): void
}

/** Asks before a submit above "Confirm jobs above". Cancel (first, so Enter never spends) sends nothing. */
export function ConfirmSpend({ ask, onConfirm, onCancel }: ConfirmSpendProps) {
  if (!ask) return null
  return (
    <Modal title="Send this job?" showTitle onClose={onCancel} className="confirm-spend">
      <p className="confirm-spend-text">
        This job is estimated at {formatCredits(ask.credits)}, more than the {formatCredits(ask.threshold)} you asked to
        confirm. You can change this in Account → Settings.
      </p>
      <div className="form-actions">
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <Button variant="primary" onClick={onConfirm}>
          Send for {formatCredits(ask.credits)}
        </Button>
      </div>
    </Modal>
  )
}
