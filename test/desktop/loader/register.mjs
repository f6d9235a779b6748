// `node --import tsx --import ./test/desktop/loader/register.mjs <entry>`: installs the
// electron hook. tsx (imported first) compiles the TypeScript double.
import { register } from 'node:module'

register('./electron-hook.mjs', import.meta.url)
