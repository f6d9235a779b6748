import { useBatchStore } from '../../stores/batch'
import { ProductChooser } from './ProductChips'

/** The batch's products: one job each (products mode) or the references of every job (prompts mode). */
export function BatchProducts({ label, hint, empty }: { label: string; hint: string; empty: string }) {
  const selected = useBatchStore((s) => s.productIds)
  const toggle = useBatchStore((s) => s.toggleProduct)
  return <ProductChooser label={label} hint={hint} empty={`No products yet: ${empty}`} selected={selected} onToggle={toggle} className="batch-picker" />
}
