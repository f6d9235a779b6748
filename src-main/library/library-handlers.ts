import type { Handlers } from '../ipc/router'
import type { LibraryService } from './library-service'

export type LibraryHandlers = Pick<
  Handlers,
  'library.list' | 'library.get' | 'library.getMany' | 'library.update' | 'library.delete' | 'library.reveal' | 'library.export' | 'library.rebuild' | 'library.facets'
>

/** The library commands; inputs arrive validated by the router against the contract. */
export function libraryHandlers(service: LibraryService): LibraryHandlers {
  return {
    'library.list': (q) => service.list(q),
    'library.get': ({ id }) => service.get(id),
    'library.getMany': async ({ ids }) => ({ items: await service.getMany(ids) }),
    'library.update': (input) => service.update(input),
    'library.delete': ({ ids }) => service.remove(ids),
    'library.reveal': ({ id }) => service.reveal(id),
    'library.export': ({ ids }) => service.exportAssets(ids),
    'library.rebuild': () => service.rebuild(),
    'library.facets': () => service.facets()
  }
}
