import { readFile } from 'node:fs/promises'
import type { KrevClient } from '../../../src-main/krev'

const PHOTO = new URL('../../fixtures/product.jpg', import.meta.url)

/** Uploads test/fixtures/product.jpg as the product "Tan bag" through `client`; its id. */
export async function createTanBag(client: KrevClient): Promise<string> {
  const photo = await readFile(PHOTO)
  return (await client.createProduct({ file: { data: photo, fileName: 'bag.jpg', mimeType: 'image/jpeg' }, name: 'Tan bag' })).id
}
