import type { Handlers } from '../ipc/router'
import type { ProductsService } from './products-service'

export type ProductsHandlers = Pick<Handlers, 'products.list' | 'products.get' | 'products.upload' | 'products.refresh'>

/** Thin: inputs arrive zod-parsed from the router; outputs are checked on the way out. */
export function productsHandlers(service: ProductsService): ProductsHandlers {
  return {
    'products.list': ({ limit, refresh }) =>
      service.list({ ...(limit !== undefined ? { limit } : {}), ...(refresh !== undefined ? { refresh } : {}) }),
    'products.get': ({ id }) => service.get(id),
    'products.upload': (input) => service.upload(input),
    'products.refresh': () => service.refresh()
  }
}
