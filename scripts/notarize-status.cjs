// electron-builder `afterPack` hook: before any signing, says which signing and
// notarisation credentials this build has, so an unsigned or un-notarised installer is
// never a surprise (electron-builder skips `afterSign` entirely when nothing was signed).
'use strict'
/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads its hooks as CommonJS */
const { credentials } = require('./notarize.cjs')

module.exports = async function signingStatus(context) {
  const env = process.env
  const platform = context.electronPlatformName
  if (platform === 'linux') return
  const signing = env.CSC_LINK || env.CSC_NAME || (platform === 'win32' && env.WIN_CSC_LINK)
  console.log(
    signing
      ? `  • code signing: certificate from ${env.CSC_NAME ? 'CSC_NAME' : env.WIN_CSC_LINK && platform === 'win32' ? 'WIN_CSC_LINK' : 'CSC_LINK'}`
      : `  • code signing skipped unless a ${platform === 'darwin' ? 'Developer ID Application identity is in the keychain' : 'certificate is configured'}: set CSC_LINK and CSC_KEY_PASSWORD`
  )
  if (platform === 'darwin' && !credentials(env)) {
    console.log('  • notarisation will be skipped: no APPLE_ID/APPLE_APP_SPECIFIC_PASSWORD/APPLE_TEAM_ID or APPLE_API_KEY/APPLE_API_KEY_ID/APPLE_API_ISSUER')
  }
}
