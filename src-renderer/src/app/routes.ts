import type { IconName } from '../components/Icon'
import type { Route } from '../stores/app'

export interface RouteMeta {
  /** The nav button's accessible name: tests and screen readers rely on it. */
  label: string
  icon: IconName
  /** One line under the title in the top bar. */
  subtitle: string
}

export const ROUTE_META: Record<Route, RouteMeta> = {
  products: { label: 'Products', icon: 'products', subtitle: 'Your catalogue, ready to use as references' },
  create: { label: 'Create', icon: 'sparkles', subtitle: 'Studio images, short videos and ad creative' },
  queue: { label: 'Queue', icon: 'queue', subtitle: 'Everything generating, in order' },
  library: { label: 'Library', icon: 'library', subtitle: 'Every output, saved on this computer' },
  chat: { label: 'Chat', icon: 'chat', subtitle: 'Brief the Krev agent' },
  account: { label: 'Account', icon: 'account', subtitle: 'Plan, API key, settings and conversions' }
}

/** The main nav, top to bottom; Account sits apart at the bottom. */
export const PRIMARY_ROUTES: readonly Route[] = ['products', 'create', 'queue', 'library', 'chat']
