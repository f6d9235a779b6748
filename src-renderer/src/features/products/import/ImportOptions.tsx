import { useState } from 'react'
import { Button } from '../../../components/Button'
import { Field } from '../../../components/Field'
import { Popover } from '../../../components/Popover'
import { Switch } from '../../../components/Switch'
import { useProductsStore } from '../../../stores/products'

/** The next batch's options: how products are named, and whether backgrounds are removed. */
export function ImportOptions() {
  const options = useProductsStore((s) => s.importOptions)
  const setOptions = useProductsStore((s) => s.setImportOptions)
  const named = options.namePattern.trim() !== '' || options.skipSegmentation
  return (
    <Popover label="Import options" trigger={<Button icon="settings" variant={named ? 'secondary' : 'ghost'}>Options</Button>}>
      <div className="popover-form import-options">
        <Field
          label="Name products"
          hint={
            <>
              Empty: Krev names each from what it sees. <code>{'{file}'}</code> = the file name, <code>{'{n}'}</code> = its number (“Spring {'{n}'}”).
            </>
          }
        >
          {(control) => (
            <input
              {...control}
              className="input"
              value={options.namePattern}
              maxLength={200}
              placeholder="Named by Krev"
              onChange={(e) => setOptions({ namePattern: e.target.value })}
            />
          )}
        </Field>
        <Switch
          label="Skip background removal"
          description="Faster; the product keeps its original background."
          checked={options.skipSegmentation}
          onChange={(skipSegmentation) => setOptions({ skipSegmentation })}
        />
      </div>
    </Popover>
  )
}

/** Adds a product from a public image link: Krev fetches the picture itself. */
export function AddByLink() {
  const importItems = useProductsStore((s) => s.importItems)
  const [url, setUrl] = useState('')
  const valid = /^https:\/\/\S+$/i.test(url.trim())
  const add = () => {
    if (!valid) return
    void importItems([{ kind: 'url', url: url.trim() }])
    setUrl('')
  }
  return (
    <Popover label="Add by link" trigger={<Button icon="plus" variant="ghost">Link</Button>}>
      <form
        className="popover-form"
        onSubmit={(e) => {
          e.preventDefault()
          add()
        }}
      >
        <Field label="Image link" hint="A public https:// address of a JPG, PNG or WebP photo.">
          {(control) => (
            <input {...control} className="input" type="url" value={url} placeholder="https://…/product.jpg" onChange={(e) => setUrl(e.target.value)} />
          )}
        </Field>
        <Button type="submit" variant="primary" disabled={!valid}>
          Add product
        </Button>
      </form>
    </Popover>
  )
}
