/**
 * The security-relevant webPreferences at their hardened values: what the studio window must
 * run with (context isolation and the sandbox on, Node.js integration off in the page, its
 * workers and subframes, no <webview>, web security on, no insecure content on https pages).
 * Electron 45 defaults each of them to exactly this value, so the electron double starts from
 * it too. Stated literally here, not read from src-main: the boot test fails if the window
 * ever gets anything else.
 */
export const HARDENED_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false
} as const
