import type { CreateProductInput } from './types'
import { invalidInput } from './errors'
import type { HttpBody } from './http'
import { buildMultipart, safeFileName } from './multipart'
import { checkImageDataUrl, checkProductFile } from './product-image'
import { assertPublicHttpsUrl, type UrlGuardOptions } from './url-guard'
import { MAX_PRODUCT_NAME, productCreateJson } from './wire'

/**
 * The body of POST /products, in one of its three documented forms: multipart with a
 * file, JSON with a base64 data URL, or JSON with a public https URL. Everything is
 * checked before a byte is sent (type by magic bytes, 20 MB cap, URL guard). The name and
 * the flag follow the wire schema's rules for the form (the ones the sandbox judges with).
 */

const productFields = productCreateJson.pick({ name: true, skip_segmentation: true })

export const jsonBody = (value: unknown): HttpBody => {
  const data = Buffer.from(JSON.stringify(value), 'utf8')
  return { contentType: 'application/json', length: data.length, chunks: [data] }
}

export async function productRequestBody(
  input: CreateProductInput,
  guard: Pick<UrlGuardOptions, 'resolveHost' | 'trustedOrigins'>
): Promise<HttpBody> {
  if (typeof input !== 'object' || input === null) throw invalidInput('Choose a product photo to upload.')
  const name = input.name === undefined || input.name === null || input.name === '' ? undefined : input.name
  const skip = input.skip_segmentation ?? undefined
  const fields = productFields.safeParse({ name, skip_segmentation: skip })
  if (!fields.success) {
    throw invalidInput(
      fields.error.issues[0]!.path[0] === 'name'
        ? `The product name must be at most ${MAX_PRODUCT_NAME} characters.`
        : '"Skip background removal" must be on or off.'
    )
  }

  if ('file' in input && input.file) {
    const file = input.file
    const onDisk = 'path' in file
    const type = checkProductFile(onDisk ? file.head : file.data, onDisk ? file.size : undefined)
    const ext = type === 'image/jpeg' ? 'jpg' : type.slice('image/'.length)
    const fields = [
      ...(name !== undefined ? [{ name: 'name', value: name }] : []),
      ...(skip !== undefined ? [{ name: 'skip_segmentation', value: String(skip) }] : [])
    ]
    const fileName = safeFileName(String(input.file.fileName ?? ''), `product.${ext}`)
    // The sniffed type is sent, not the declared one.
    const data = onDisk ? { path: file.path, size: file.size } : file.data
    return buildMultipart(fields, { name: 'file', fileName, contentType: type, data })
  }
  const imageUrl = (input as { image_url?: unknown }).image_url
  if (typeof imageUrl === 'string' && imageUrl.trim().toLowerCase().startsWith('data:')) {
    checkImageDataUrl(imageUrl.trim())
  } else {
    await assertPublicHttpsUrl(imageUrl, { ...guard, label: 'The product image link' })
  }
  return jsonBody({
    image_url: (imageUrl as string).trim(),
    ...(name !== undefined ? { name } : {}),
    ...(skip !== undefined ? { skip_segmentation: skip } : {})
  })
}
