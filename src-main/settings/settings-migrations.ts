import type { Migration } from './versioned-document'

/**
 * Settings file migrations: `settingsMigrations[n]` turns a version n-1 file into version n.
 * They receive the raw JSON and must tolerate anything in it; fields they cannot make
 * sense of are left for field validation, which resets them (with a notice and a backup).
 */

const clamp = (n: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, Math.round(n)))

/**
 * Version 1 (the first preview builds) stored one `concurrency` for both downloads and
 * polling, and `darkMode: true | false | null` instead of a theme. Version 2 splits the
 * former and turns the latter into `theme`.
 */
export const v1ToV2: Migration = (data) => {
  const { concurrency, darkMode, ...rest } = data
  const next: Record<string, unknown> = { ...rest }
  if (typeof concurrency === 'number' && Number.isFinite(concurrency)) {
    next.downloadConcurrency ??= clamp(concurrency, 1, 8)
    next.pollConcurrency ??= clamp(concurrency + 1, 1, 16)
  }
  if (!('theme' in next)) next.theme = darkMode === true ? 'dark' : darkMode === false ? 'light' : 'system'
  return next
}

/**
 * Version 3 adds `spellcheck`, off unless the file already says otherwise: Chromium's
 * spellchecker fetches dictionaries from Google on Windows and Linux, which nobody
 * upgrading should get without choosing it.
 */
export const v2ToV3: Migration = (data) => ({ ...data, spellcheck: data.spellcheck === true })

/**
 * Version 4 adds `sessionSpendCap` (0: no cap, so nobody upgrading finds jobs held back)
 * and `confirmAbove` (a submit above it asks first). A value already there is kept for
 * field validation to judge.
 */
export const v3ToV4: Migration = (data) => ({ ...data, sessionSpendCap: data.sessionSpendCap ?? 0, confirmAbove: data.confirmAbove ?? 200 })

export const settingsMigrations: Record<number, Migration> = {
  2: v1ToV2,
  3: v2ToV3,
  4: v3ToV4
}
