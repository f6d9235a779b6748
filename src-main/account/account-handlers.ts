import type { Handlers } from '../ipc/router'
import type { SettingsService } from '../settings/settings-service'
import type { AccountService } from './account-service'

export type AccountHandlers = Pick<
  Handlers,
  | 'account.status'
  | 'account.useSandbox'
  | 'account.useKrev'
  | 'account.saveKey'
  | 'account.removeKey'
  | 'account.confirmApiBase'
  | 'account.credits'
  | 'settings.get'
  | 'settings.update'
  | 'conversions.send'
>

export interface AccountHandlerDeps {
  account: AccountService
  settings: Pick<SettingsService, 'get' | 'update'>
}

/**
 * Thin: inputs arrive zod-parsed from the router, outputs are checked against the contract
 * on the way out. `settings.changed` is emitted by the subscription wired in create-account.ts,
 * so a change made anywhere in main reaches the renderer, not only one made here.
 */
export function accountHandlers(deps: AccountHandlerDeps): AccountHandlers {
  const { account, settings } = deps
  return {
    'account.status': async () => account.status(),
    'account.useSandbox': () => account.useSandbox(),
    'account.useKrev': () => account.useKrev(),
    'account.saveKey': ({ key }) => account.saveKey(key),
    'account.removeKey': () => account.removeKey(),
    'account.confirmApiBase': () => account.confirmApiBase(),
    'account.credits': ({ refresh }) => account.credits(refresh === undefined ? {} : { refresh }),
    'settings.get': async () => settings.get(),
    'settings.update': async ({ patch }) => settings.update(patch),
    'conversions.send': ({ events }) => account.sendConversions(events)
  }
}
