/**
 * Who the app is to the operating system. One source: the entry sets the Windows
 * AppUserModelID from here (without it, notifications from an unpackaged or mis-shortcut
 * build never show), and packaging reuses the same appId so the installed shortcut matches.
 */
export const APP_ID = 'ai.krev.studio'
export const PRODUCT_NAME = 'Krev Studio'
