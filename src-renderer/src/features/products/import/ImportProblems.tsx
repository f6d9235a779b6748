import { useMemo } from 'react'
import { IconButton } from '../../../components/Button'
import { Callout } from '../../../components/Callout'
import { useProductsStore } from '../../../stores/products'
import { groupProblems } from './import-problems'

/** Every problem of the batches so far, by reason; a file that later succeeds leaves it. */
export function ImportProblems() {
  const imports = useProductsStore((s) => s.imports)
  const retry = useProductsStore((s) => s.retryImport)
  const groups = useMemo(() => groupProblems(imports), [imports])
  const count = groups.reduce((n, g) => n + g.entries.length, 0)
  if (count === 0) return null
  return (
    <Callout tone="warning" title={count === 1 ? 'One file wasn’t added' : `${count} files weren’t added`} className="import-problems">
      {groups.map((g) => (
        <section key={g.reason} className="problem-group" aria-label={g.title}>
          <h3 className="problem-title">
            {g.title} <span className="problem-n">({g.entries.length})</span>
          </h3>
          <ul className="problem-list">
            {g.entries.map((e) => (
              <li key={e.entryId}>
                <span className="problem-file">{e.fileName}</span> — {e.message}
                {e.retryable && e.status === 'failed' ? (
                  <IconButton icon="retry" label={`Retry ${e.fileName}`} onClick={() => void retry(e.batchId, e.entryId)} />
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Callout>
  )
}
