import type { Asset } from '../../src-preload/contract'

/**
 * Which links of an old request (a Remix) are Library outputs. Krev's output URLs say
 * nothing about their generation, and their signature changes each time they are handed
 * out, but their path does not: a link whose path is one a job kept from its generation is
 * that job's output at the same place (the runner stores assets in Krev's order). The
 * renderer then holds it as a Library input, refreshed before sending once it has expired.
 */

export interface FindOutputsDeps {
  /** The current mode's jobs with the output URLs their generation listed. */
  jobs(): Promise<ReadonlyArray<{ assetIds: readonly string[]; outputUrls: readonly string[] }>>
  /** The asset, or null when it is no longer in the Library. */
  asset(id: string): Promise<Asset | null>
}

/** The link without its query (the signature) or fragment; null when it is not a URL. */
export function stablePart(raw: string): string | null {
  try {
    const u = new URL(raw)
    return `${u.origin}${u.pathname}`
  } catch {
    return null
  }
}

export async function findOutputs(deps: FindOutputsDeps, urls: readonly string[]): Promise<{ matches: Array<{ url: string; asset: Asset }> }> {
  const wanted = new Map<string, string[]>()
  for (const url of urls) {
    const key = stablePart(url)
    if (key) wanted.set(key, [...(wanted.get(key) ?? []), url])
  }
  if (wanted.size === 0) return { matches: [] }
  const byKey = new Map<string, string>()
  for (const job of await deps.jobs()) {
    job.outputUrls.forEach((out, i) => {
      const key = stablePart(out)
      const id = job.assetIds[i]
      if (key && id && wanted.has(key) && !byKey.has(key)) byKey.set(key, id)
    })
  }
  const matches: Array<{ url: string; asset: Asset }> = []
  for (const [key, id] of byKey) {
    const asset = await deps.asset(id)
    // Deleted from the Library since, or a video (never an image input): left as a plain link.
    if (!asset || asset.kind === 'video') continue
    for (const url of wanted.get(key) ?? []) matches.push({ url, asset })
  }
  return { matches }
}
