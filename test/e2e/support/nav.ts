import type { Locator, Page } from '@playwright/test'

/** A main-navigation button of the sidebar, by its exact name ("Queue", "Create"…). */
export const nav = (page: Page, name: string): Locator => page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name, exact: true })
