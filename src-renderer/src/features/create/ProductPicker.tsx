import { Button } from '../../components/Button'
import { useAppStore } from '../../stores/app'
import { useCreateStore } from '../../stores/create'
import { ProductChooser } from './ProductChips'

/** Products as toggle chips; videos take one, images and ads up to ten. */
export function ProductPicker() {
  const kind = useCreateStore((s) => s.draft.kind)
  const selected = useCreateStore((s) => s.draft.productIds)
  const toggle = useCreateStore((s) => s.toggleProduct)
  const navigate = useAppStore((s) => s.navigate)

  const label = kind === 'ad' ? 'Featured products' : kind === 'video' ? 'Reference product' : 'Reference products'
  const hint =
    kind === 'ad' ? 'Required — pick at least one.' : kind === 'video' ? 'Optional — one product.' : 'Optional — up to ten.'

  return (
    <ProductChooser
      label={label}
      hint={hint}
      empty={kind === 'ad' ? 'Ads are built around your products. Add a product photo first.' : 'Add product photos to use them as references.'}
      emptyAction={
        <Button size="sm" onClick={() => navigate('products')}>
          Add product photos
        </Button>
      }
      selected={selected}
      onToggle={toggle}
    />
  )
}
