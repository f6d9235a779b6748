// electron-builder `afterSign` hook: notarises the signed macOS app when Apple credentials
// are in the environment, and says clearly why it skips when they are not.
//   Apple ID:  APPLE_ID + APPLE_APP_SPECIFIC_PASSWORD + APPLE_TEAM_ID
//   API key:   APPLE_API_KEY (path to AuthKey_XXXX.p8) + APPLE_API_KEY_ID + APPLE_API_ISSUER
'use strict'
/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads its hooks as CommonJS */
const path = require('node:path')

function credentials(env) {
  if (env.APPLE_API_KEY && env.APPLE_API_KEY_ID && env.APPLE_API_ISSUER) {
    return { appleApiKey: env.APPLE_API_KEY, appleApiKeyId: env.APPLE_API_KEY_ID, appleApiIssuer: env.APPLE_API_ISSUER }
  }
  if (env.APPLE_ID && env.APPLE_APP_SPECIFIC_PASSWORD && env.APPLE_TEAM_ID) {
    return { appleId: env.APPLE_ID, appleIdPassword: env.APPLE_APP_SPECIFIC_PASSWORD, teamId: env.APPLE_TEAM_ID }
  }
  return null
}

module.exports = async function notarizeApp(context) {
  if (context.electronPlatformName !== 'darwin') return
  const creds = credentials(process.env)
  if (!creds) {
    console.log(
      '  • notarisation skipped: set APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD and APPLE_TEAM_ID ' +
        '(or APPLE_API_KEY, APPLE_API_KEY_ID, APPLE_API_ISSUER) to notarise'
    )
    return
  }
  if (!process.env.CSC_LINK && !process.env.CSC_NAME && process.env.CSC_IDENTITY_AUTO_DISCOVERY === 'false') {
    console.log('  • notarisation skipped: the app is not signed (no CSC_LINK / CSC_NAME)')
    return
  }
  const appPath = path.join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`)
  const { notarize } = require('@electron/notarize')
  console.log(`  • notarising ${appPath}`)
  await notarize({ appPath, ...creds })
  console.log('  • notarised and stapled')
}

module.exports.credentials = credentials
