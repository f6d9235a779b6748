import type { Handlers } from '../ipc/router'
import type { ImportService } from './import/import-service'
import type { ProductsService } from './products-service'

export type ProductsHandlers = Pick<
  Handlers,
  | 'products.list'
  | 'products.get'
  | 'products.upload'
  | 'products.refresh'
  | 'products.detail'
  | 'products.setLocal'
  | 'products.importStart'
  | 'products.importAdd'
  | 'products.importCancel'
  | 'products.importRetry'
  | 'products.importList'
>

/** Thin: inputs arrive zod-parsed from the router; outputs are checked on the way out. */
export function productsHandlers(
  service: ProductsService,
  imports: ImportService,
  detail: (id: string) => ReturnType<Handlers['products.detail']>
): ProductsHandlers {
  return {
    'products.list': ({ limit, refresh }) =>
      service.list({ ...(limit !== undefined ? { limit } : {}), ...(refresh !== undefined ? { refresh } : {}) }),
    'products.get': ({ id }) => service.get(id),
    'products.upload': (input) => service.upload(input),
    'products.refresh': () => service.refresh(),
    'products.detail': ({ id }) => detail(id),
    'products.setLocal': ({ id, localName, hidden }) =>
      service.setLocal(id, { ...(localName !== undefined ? { localName } : {}), ...(hidden !== undefined ? { hidden } : {}) }),
    'products.importStart': async (options) => imports.start(options),
    'products.importAdd': ({ batchId, items }) => imports.add(batchId, items),
    'products.importCancel': async ({ batchId, entryId }) => imports.cancel(batchId, entryId),
    'products.importRetry': async ({ batchId, entryId }) => imports.retry(batchId, entryId),
    'products.importList': async () => ({ batches: imports.list() })
  }
}
