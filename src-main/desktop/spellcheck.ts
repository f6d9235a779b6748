import { app, type Session } from 'electron'
import type { SettingsService } from '../settings/settings-service'

/**
 * Spell checking is off until the user turns it on (Account → Settings): on Windows and Linux
 * Chromium downloads Hunspell dictionaries from Google's servers for the languages in use, and
 * an app must not make that request on its own. While it is off, the download URL points
 * nowhere routable, so not even a stray request leaves the machine; macOS uses the OS checker.
 */
const NO_DOWNLOADS = 'http://127.0.0.1:9/'

function apply(session: Session, enabled: boolean): void {
  if (process.platform !== 'darwin') {
    if (!enabled) session.setSpellCheckerDictionaryDownloadURL(NO_DOWNLOADS)
    else session.setSpellCheckerDictionaryDownloadURL('https://redirector.gvt1.com/edgedl/chrome/dict/')
    if (enabled) {
      const available = new Set(session.availableSpellCheckerLanguages)
      const wanted = app.getPreferredSystemLanguages().filter((l) => available.has(l))
      session.setSpellCheckerLanguages(wanted.length ? wanted : available.has('en-US') ? ['en-US'] : [])
    }
  }
  session.setSpellCheckerEnabled(enabled)
}

export function followSpellcheckSetting(session: Session, settings: SettingsService): () => void {
  apply(session, settings.get().spellcheck)
  return settings.onChange((next, previous) => {
    if (next.spellcheck !== previous.spellcheck) apply(session, next.spellcheck)
  })
}
