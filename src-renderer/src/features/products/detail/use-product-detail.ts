import { useEffect, useState } from 'react'
import type { Asset, CommandOutput } from '../../../../../src-preload/contract'
import { errorMessage, invoke } from '../../../api/client'

export type Detail = CommandOutput<'products.detail'>

/** How many outputs the product page shows before "Show all in Library". */
export const OUTPUTS_SHOWN = 12

/**
 * The product page's data: both pictures (main downloads what is missing, or answers
 * what is on disk when offline) and the newest Library outputs made with the product.
 * `version` reloads after a rename or hide.
 */
export function useProductDetail(id: string, version: number) {
  const [detail, setDetail] = useState<Detail | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [outputs, setOutputs] = useState<{ items: Asset[]; total: number } | null>(null)
  useEffect(() => {
    let live = true
    invoke('products.detail', { id }).then(
      (d) => live && (setDetail(d), setError(null)),
      (e: unknown) => live && setError(errorMessage(e))
    )
    return () => {
      live = false
    }
  }, [id, version])
  useEffect(() => {
    let live = true
    invoke('library.list', { productId: id, limit: OUTPUTS_SHOWN, sort: 'newest' }).then(
      (out) => live && setOutputs({ items: out.items, total: out.total }),
      () => live && setOutputs({ items: [], total: 0 })
    )
    return () => {
      live = false
    }
  }, [id])
  return { detail, error, outputs }
}
