// The `electron` module as the production main bundle sees it, when the loader hook
// (test/desktop/loader) redirects the bare specifier here. Named exports for
// `import { app } from 'electron'`, a default export for `import electron from 'electron'`
// (electron-store does that). A name the app imports that is missing here fails at link
// time ("does not provide an export named"): loud, never silently undefined.
import * as electron from './named-exports'

export * from './named-exports'
export default electron
