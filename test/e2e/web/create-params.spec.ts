import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Browser, Locator, Page } from '@playwright/test'
import sharp from 'sharp'
import { audit, SCREEN_DIR } from '../support/audit'
import { nav } from '../support/nav'
import { startPreview, type Preview } from '../support/preview'
import { openStudioPage, type StudioPage } from '../support/studio-page'
import { expect, test } from '../support/fixtures'

// Every API parameter of images, videos and ads, set through the Create form (keyboard
// and pointer), then read back from what the built-in sandbox received (its request
// record, GET /__sandbox/requests): exactly those values, snake_case, nothing else.
// Each form is audited by axe and photographed in both themes at 900×600 and 1440×900.

const FIXTURE = resolve(import.meta.dirname, '../../fixtures/product.jpg')
const SHOT_SIZES = [
  { width: 900, height: 600 },
  { width: 1440, height: 900 }
] as const
const PASTED_REF = 'https://93.184.215.14/looks/marble.jpg'
const PASTED_INSPIRATION = 'https://93.184.215.14/ads/summer-offer.png'

interface Recorded {
  seq: number
  path: string
  body: Record<string, unknown>
}


async function open(browser: Browser): Promise<StudioPage & { adminFile: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'krev-e2e-admin-'))
  const adminFile = join(dir, 'sandbox-admin.json')
  const preview = await startPreview({ env: { KREV_SANDBOX_SPEED: '20', KREV_SANDBOX_ADMIN_FILE: adminFile } })
  return { ...(await openStudioPage(browser, preview, { alsoRemove: [dir] })), adminFile }
}

/** The sandbox's admin endpoint (written by the worker once it listens) and its key. */
function sandboxOf(preview: Preview, adminFile: string) {
  const { baseUrl, adminToken } = JSON.parse(readFileSync(adminFile, 'utf8')) as { baseUrl: string; adminToken: string }
  const key = readFileSync(join(preview.dataDir, 'sandbox', 'default-key'), 'utf8').trim()
  return {
    baseUrl,
    async requests(path: string): Promise<Recorded[]> {
      const res = await fetch(`${baseUrl}/__sandbox/requests?path=${encodeURIComponent(path)}`, { headers: { 'x-sandbox-admin': adminToken } })
      return ((await res.json()) as { data: Recorded[] }).data
    },
    async products(): Promise<Array<{ id: string; image_url: string }>> {
      const res = await fetch(`${baseUrl}/api/v1/products`, { headers: { authorization: `Bearer ${key}` } })
      return ((await res.json()) as { data: Array<{ id: string; image_url: string }> }).data
    }
  }
}

const moreOptions = (page: Page): Locator => page.locator('summary', { hasText: 'More options' })

async function openMoreOptions(page: Page): Promise<void> {
  const details = page.locator('details.more-options')
  if ((await details.getAttribute('open')) === null) {
    await moreOptions(page).focus()
    await page.keyboard.press('Enter') // a keyboard user opens it the same way
  }
  await expect(details).toHaveAttribute('open', '')
}

async function choose(page: Page, combobox: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: combobox, exact: true }).click()
  await page.getByRole('option', { name: option }).click()
}

async function pasteUrl(group: Locator, url: string): Promise<void> {
  await group.getByRole('button', { name: 'Paste URL' }).click()
  await group.getByRole('textbox').fill(url)
  await group.getByRole('textbox').press('Enter')
  // Keyboard flow: the link box closes and focus is back on "Paste URL".
  await expect(group.getByRole('button', { name: 'Paste URL' })).toBeFocused()
}

const pathnameOf = (u: unknown) => new URL(String(u)).pathname

/**
 * axe and screenshots of one form (audit: the top of it), then a screenshot of its
 * "More options" at each size and theme, scrolled into view after each resize.
 */
async function auditForm(page: Page, state: string): Promise<string[]> {
  const found = await audit(page, state, { sizes: SHOT_SIZES })
  mkdirSync(SCREEN_DIR, { recursive: true })
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' })
    for (const size of SHOT_SIZES) {
      await page.setViewportSize(size)
      await page.waitForFunction(({ width }) => window.innerWidth === width, size)
      // Scroll the screen's own scroller only (scrollIntoView would shift the whole shell too).
      await page.locator('details.more-options').evaluate((el) => {
        let box = el.parentElement
        while (box && !/(auto|scroll)/.test(getComputedStyle(box).overflowY)) box = box.parentElement
        if (box) box.scrollTop += el.getBoundingClientRect().top - box.getBoundingClientRect().top - 16
      })
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'))
      await page.screenshot({ path: resolve(SCREEN_DIR, `${state}-more-${theme}-${size.width}x${size.height}.png`) })
    }
  }
  await page.setViewportSize({ width: 1440, height: 900 })
  return found
}

test('every Create parameter of images, videos and ads reaches the sandbox exactly as set', async ({ browser }) => {
  test.setTimeout(300_000)
  const { page, preview, adminFile, close } = await open(browser)
  const found: string[] = []
  try {
    await page.getByRole('button', { name: 'Explore with the built-in sandbox' }).click()
    await nav(page, 'Products').click()
    await page.getByTestId('pick-files').setInputFiles([
      { name: 'tan-wallet.jpg', mimeType: 'image/jpeg', buffer: readFileSync(FIXTURE) },
      { name: 'green-wallet.jpg', mimeType: 'image/jpeg', buffer: await sharp(readFileSync(FIXTURE)).modulate({ hue: 120 }).jpeg().toBuffer() }
    ])
    await expect(page.getByRole('list', { name: 'Your products' }).getByRole('listitem')).toHaveCount(2, { timeout: 45_000 })
    const sandbox = sandboxOf(preview, adminFile)
    const products = await sandbox.products()
    const productIds = products.map((p) => p.id).sort()
    const productPaths = products.map((p) => pathnameOf(p.image_url))

    // ---- Image: every parameter ------------------------------------------------------
    await nav(page, 'Create').click()
    await page.getByLabel('Prompt').fill('Premium leather wallet on dark marble, soft studio light')
    await page.getByRole('radiogroup', { name: 'Aspect ratio' }).getByRole('radio', { name: '4:3' }).check()
    await page.getByRole('radiogroup', { name: 'Variants' }).getByRole('radio', { name: '2' }).check()
    await page.getByRole('switch', { name: 'HD upscale' }).click()
    for (const b of await page.getByRole('list', { name: 'Reference products' }).getByRole('button').all()) await b.click()
    await expect(moreOptions(page)).toContainText('All at their defaults')
    await openMoreOptions(page)
    await expect(page.getByRole('combobox', { name: 'Preset', exact: true })).toHaveText('None')
    await choose(page, 'Preset', 'Flat lay · flat_lay')
    const refs = page.getByRole('group', { name: 'Reference images' })
    await pasteUrl(refs, PASTED_REF)
    await refs.getByRole('button', { name: 'Add product image' }).click()
    await page.getByRole('list', { name: 'Product images' }).getByRole('button').first().click()
    await expect(refs.getByRole('list', { name: 'Reference images' }).getByRole('listitem')).toHaveCount(2)
    await expect(moreOptions(page)).toContainText('2 set')
    found.push(...(await auditForm(page, 'create-params-image')))
    await page.getByRole('button', { name: 'Generate' }).click()

    await expect.poll(async () => (await sandbox.requests('/api/v1/images')).length, { timeout: 20_000 }).toBe(1)
    const [image] = await sandbox.requests('/api/v1/images')
    const { reference_images: imageRefs, product_ids: imageProducts, ...imageRest } = image!.body
    expect(imageRest).toEqual({ prompt: 'Premium leather wallet on dark marble, soft studio light', aspect_ratio: '4:3', preset_id: 'flat_lay', hd: true, image_count: 2 })
    expect((imageProducts as string[]).slice().sort()).toEqual(productIds)
    expect((imageRefs as string[])[0]).toBe(PASTED_REF)
    expect(productPaths).toContain(pathnameOf((imageRefs as string[])[1]))
    expect(imageRefs).toHaveLength(2)
    // The prompt stays after sending.
    await expect(page.getByLabel('Prompt')).toHaveValue('Premium leather wallet on dark marble, soft studio light')

    // The job finishes: its output becomes the video's source image below.
    await nav(page, 'Queue').click()
    const job = page.getByRole('list', { name: 'Jobs' }).getByRole('listitem').first()
    await expect(job.getByText('Done')).toBeVisible({ timeout: 60_000 })

    // ---- Video: every parameter ------------------------------------------------------
    await nav(page, 'Create').click()
    await page.getByRole('tab', { name: 'Video' }).click()
    await page.getByLabel('Prompt').fill('Slow camera orbit around the wallet, warm morning light')
    await page.getByRole('radiogroup', { name: 'Aspect ratio' }).getByRole('radio', { name: '9:16' }).check()
    const duration = page.getByLabel('Duration')
    await duration.focus()
    for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight') // 5 → 12 seconds
    await expect(duration).toHaveValue('12')
    await page.getByRole('radiogroup', { name: 'Audio' }).getByRole('radio', { name: 'Native' }).check()
    const videoProducts = page.getByRole('list', { name: 'Reference product' }).getByRole('button')
    // Coming from the image form both products are picked; a video keeps one.
    await expect(videoProducts.and(page.locator('[aria-pressed="true"]'))).toHaveCount(1)
    const videoProduct = await sandboxProductId(videoProducts, products)
    await openMoreOptions(page)
    await choose(page, 'Preset', 'Other id…')
    await page.getByLabel('Preset id').fill('autumn_catalogue')
    const source = page.getByRole('group', { name: 'Source image' })
    await source.getByRole('button', { name: 'Add from Library' }).click()
    const libraryImages = page.getByRole('list', { name: 'Library images' }).getByRole('button')
    await expect(libraryImages.first().locator('img')).toBeVisible()
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme })
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'))
      await page.screenshot({ path: resolve(SCREEN_DIR, `create-params-library-picker-${theme}-1440x900.png`) })
    }
    await libraryImages.first().click()
    await expect(source.getByRole('listitem')).toHaveCount(1)
    found.push(...(await auditForm(page, 'create-params-video')))
    await page.getByRole('button', { name: 'Generate' }).click()
    // 960 credits is above the default "Confirm jobs above" (200): it asks first.
    await page.getByRole('dialog', { name: 'Send this job?' }).getByRole('button', { name: /^Send for/ }).click()

    await expect.poll(async () => (await sandbox.requests('/api/v1/videos')).length, { timeout: 20_000 }).toBe(1)
    const [video] = await sandbox.requests('/api/v1/videos')
    const { source_image: sourceImage, ...videoRest } = video!.body
    expect(videoRest).toEqual({
      prompt: 'Slow camera orbit around the wallet, warm morning light',
      aspect_ratio: '9:16',
      duration: 12,
      audio_mode: 'native',
      product_id: videoProduct,
      preset_id: 'autumn_catalogue'
    })
    expect(String(sourceImage).startsWith(`${sandbox.baseUrl}/storage/`)).toBe(true)
    expect(pathnameOf(sourceImage)).toMatch(/\/[0-9a-f-]{36}-[12]\.webp$/) // one of the image job's two outputs

    // ---- Ad: every parameter ---------------------------------------------------------
    await page.getByRole('tab', { name: 'Ad' }).click()
    await page.getByLabel('Brief').fill('A direct-response ad for busy parents')
    await page.getByRole('radiogroup', { name: 'Aspect ratio' }).getByRole('radio', { name: '9:16' }).check()
    await page.getByRole('radiogroup', { name: 'Variants' }).getByRole('radio', { name: '4' }).check()
    const adProducts = page.getByRole('list', { name: 'Featured products' }).getByRole('button')
    for (const b of await adProducts.all()) if ((await b.getAttribute('aria-pressed')) !== 'true') await b.click()
    await openMoreOptions(page)
    await expect(page.getByRole('combobox', { name: 'Ad style', exact: true })).toHaveText('None (Krev picks)')
    await choose(page, 'Ad style', 'Social Proof · social_proof')
    await pasteUrl(page.getByRole('group', { name: 'Inspiration image' }), PASTED_INSPIRATION)
    await page.getByLabel('Brand notes').fill('Warm, direct, no jargon')
    found.push(...(await auditForm(page, 'create-params-ad')))
    await page.getByRole('button', { name: 'Generate' }).click()

    await expect.poll(async () => (await sandbox.requests('/api/v1/ads')).length, { timeout: 20_000 }).toBe(1)
    const [ad] = await sandbox.requests('/api/v1/ads')
    const { product_ids: adProductIds, ...adRest } = ad!.body
    expect(adRest).toEqual({
      brief: 'A direct-response ad for busy parents',
      aspect_ratio: '9:16',
      image_count: 4,
      style_id: 'social_proof',
      inspiration_image: PASTED_INSPIRATION,
      brand_context: 'Warm, direct, no jargon'
    })
    expect((adProductIds as string[]).slice().sort()).toEqual(productIds)

    // ---- A bad link: a clear message, nothing sent ---------------------------------
    await page.getByRole('group', { name: 'Inspiration image' }).getByRole('button', { name: /^Remove / }).click()
    await pasteUrl(page.getByRole('group', { name: 'Inspiration image' }), 'https://192.168.1.20/ad.png')
    await page.getByRole('button', { name: 'Generate' }).click()
    await expect(page.getByText('The inspiration image points to a local or private network address. Use a public https:// link.').first()).toBeVisible()
    expect(await sandbox.requests('/api/v1/ads')).toHaveLength(1)

    // ---- Remix: a queue job's parameters back in the form ---------------------------
    await nav(page, 'Queue').click()
    const imageJob = page.getByRole('list', { name: 'Jobs' }).getByRole('listitem').filter({ hasText: 'Premium leather wallet' })
    await imageJob.getByRole('button', { name: 'Remix in Create' }).click()
    await expect(page.getByRole('tab', { name: 'Image' })).toHaveAttribute('aria-selected', 'true')
    await expect(page.getByLabel('Prompt')).toHaveValue('Premium leather wallet on dark marble, soft studio light')
    await expect(page.getByRole('radiogroup', { name: 'Aspect ratio' }).getByRole('radio', { name: '4:3' })).toBeChecked()
    await expect(page.getByRole('switch', { name: 'HD upscale' })).toHaveAttribute('aria-checked', 'true')
    await expect(page.locator('details.more-options')).toHaveAttribute('open', '')
    await expect(page.getByRole('combobox', { name: 'Preset', exact: true })).toHaveText('Flat lay · flat_lay')
    await expect(page.getByRole('group', { name: 'Reference images' }).getByRole('listitem')).toHaveCount(2)

    // ---- Remix from the Library viewer -----------------------------------------------
    await nav(page, 'Library').click()
    const adTile = page.getByRole('list', { name: 'Results' }).getByRole('listitem').filter({ hasText: /busy parents/ })
    const tile = (await adTile.count()) > 0 ? adTile.first() : page.getByRole('list', { name: 'Results' }).getByRole('listitem').first()
    await tile.getByRole('button').first().click()
    await page.getByRole('dialog').getByRole('button', { name: 'Remix', exact: true }).click()
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Create', exact: true })).toHaveAttribute('aria-current', 'page')
    await expect(page.getByLabel(/^(Prompt|Brief)$/)).not.toHaveValue('')

    expect(found, found.join('\n')).toEqual([])
  } finally {
    await close()
  }
})

/** The sandbox id of the one pressed product chip (chips show names; ids come from the API). */
async function sandboxProductId(chips: Locator, products: Array<{ id: string }>): Promise<string> {
  const all = await chips.all()
  const pressed = []
  for (const [i, chip] of all.entries()) if ((await chip.getAttribute('aria-pressed')) === 'true') pressed.push(i)
  expect(pressed).toHaveLength(1)
  // The picker lists the catalogue in the API's order.
  return products[pressed[0]!]!.id
}
