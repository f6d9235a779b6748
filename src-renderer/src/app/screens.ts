import { lazy, type ComponentType, type LazyExoticComponent } from 'react'
import { ROUTES, type Route } from '../stores/app'

// Screens are split into chunks, but a first visit must not wait on React's Suspense
// reveal throttle (~300 ms, even when a chunk arrives in 10 ms). After the first paint the
// shell preloads every chunk; a loaded screen then renders directly, with no boundary
// that could suspend. Before that, the lazy version and its skeleton stand in.

type ScreenModule = { default: ComponentType }

const LOADERS: Record<Route, () => Promise<ScreenModule>> = {
  products: () => import('../features/products/ProductsScreen'),
  create: () => import('../features/create/CreateScreen'),
  queue: () => import('../features/queue/QueueScreen'),
  library: () => import('../features/library/LibraryScreen'),
  chat: () => import('../features/chat/ChatScreen'),
  account: () => import('../features/account/AccountScreen')
}

const loaded = new Map<Route, ComponentType>()
const pending = new Map<Route, Promise<ScreenModule>>()

function load(route: Route): Promise<ScreenModule> {
  let p = pending.get(route)
  if (!p) {
    p = LOADERS[route]().then((m) => {
      loaded.set(route, m.default)
      return m
    })
    // A failed chunk may be fetched again on the next visit.
    p.catch(() => pending.delete(route))
    pending.set(route, p)
  }
  return p
}

const LAZY = Object.fromEntries(ROUTES.map((r) => [r, lazy(() => load(r))])) as Record<Route, LazyExoticComponent<ComponentType>>

/** The screen's component: the loaded one when its chunk is in, else the lazy stand-in. */
export function screenFor(route: Route): ComponentType {
  return loaded.get(route) ?? LAZY[route]
}

/** Fetches every screen's chunk; failures are left for the visit itself to show. */
export function preloadScreens(): Promise<void> {
  return Promise.allSettled(ROUTES.map(load)).then(() => undefined)
}
