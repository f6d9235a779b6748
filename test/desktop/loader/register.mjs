// `node --import ./test/desktop/loader/register.mjs --import tsx <entry>`: installs the
// electron hook. tsx must come AFTER it: its resolve then sees the double's .ts URL and compiles it.
import { register } from 'node:module'

register('./electron-hook.mjs', import.meta.url)
