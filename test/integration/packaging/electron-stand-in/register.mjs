// `node --import <this>`: a minimal Electron test double for the packaged-boot check,
// used until the lane's double (test/desktop) is merged. It maps `electron` to
// fake-electron.mjs; the contract with scripts/packaging/boot-packaged.ts is the
// `KREV_BOOT_PING ` line the double prints after the preload answered app.ping.
import { register } from 'node:module'

register(new URL('./resolve-electron.mjs', import.meta.url))
