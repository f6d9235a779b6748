import { Icon } from '../../components/Icon'
import { Spinner } from '../../components/Spinner'
import { useProductsStore, type UploadProgress } from '../../stores/products'

const PHASE: Record<UploadProgress['phase'], string> = {
  checking: 'Checking',
  uploading: 'Uploading',
  analysing: 'Removing background and reading details',
  done: 'Added',
  failed: 'Failed'
}

/** Live progress of uploads, from `products.uploadProgress`. */
export function UploadList() {
  const uploads = useProductsStore((s) => s.uploads)
  const list = Object.values(uploads)
  if (list.length === 0) return null
  return (
    <ul className="upload-list" aria-live="polite">
      {list.map((u) => (
        <li key={u.uploadId} className={u.phase === 'failed' ? 'upload-item is-failed' : 'upload-item'}>
          {u.phase === 'failed' ? <Icon name="error" size={16} /> : <Spinner size={14} />}
          <span className="upload-name">{u.fileName}</span>
          <span className="upload-phase">{u.message || PHASE[u.phase]}</span>
        </li>
      ))}
    </ul>
  )
}
