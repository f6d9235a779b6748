// The product upload pipeline: a multipart POST /products of a 2000×2000 JPEG, which the
// sandbox answers synchronously after sniffing, (optionally) removing the background,
// extracting colours and naming the product — the wait a user sees after "Add product".
import { check, fmtBytes, fmtMs, LATENCY_COLUMNS, latencyCells, msSince, nowNs, sample, type Benchmark, type Stats } from './lib'
import { productJpeg } from './fixtures'
import { sandboxWithClient } from './krev'

export const uploadBenchmark: Benchmark = {
  name: 'upload',
  title: 'Product upload pipeline',
  async run({ progress }) {
    progress('upload: making a 2000×2000 JPEG with sharp')
    const t0 = nowNs()
    const photo = await productJpeg(2000)
    const madeMs = msSince(t0)
    const { client, close } = await sandboxWithClient(100)
    const results: Array<{ label: string; stats: Stats; segmented: boolean }> = []
    try {
      for (const skip of [false, true]) {
        const label = skip ? 'segmentation off (`skip_segmentation: true`)' : 'segmentation on (background removal)'
        progress(`upload: ${label}`)
        let segmented = false
        const stats = await sample(
          async () => {
            const product = await client.createProduct({
              file: { data: photo, fileName: 'insulated-bottle.jpg', mimeType: 'image/jpeg' },
              name: 'Insulated bottle',
              skip_segmentation: skip
            })
            segmented = Boolean(product.segmented_image_url)
          },
          { warmup: 1, iterations: 6, maxMs: 20_000, minIterations: 3 }
        )
        if (segmented === skip) throw new Error(`upload with skip_segmentation=${skip} answered segmented=${segmented}`)
        results.push({ label, stats, segmented })
      }
    } finally {
      await close()
    }
    const [on, off] = results
    return {
      tables: [
        {
          title: 'Multipart `POST /products` of a 2000×2000 JPEG (`client.createProduct`) → finished product',
          columns: ['pipeline', ...LATENCY_COLUMNS],
          rows: results.map((r) => [r.label, ...latencyCells(r.stats)]),
          notes: [
            `The photo: ${fmtBytes(photo.length)} JPEG (q90, a bottle on a studio backdrop with grain), made in ${fmtMs(madeMs)} by sharp before timing starts.`,
            'One warm-up upload per case, then up to 6 timed. Includes the client\'s local checks, the multipart encoding, loopback transfer, the sandbox pipeline and the zod decode of the answer.'
          ]
        }
      ],
      checks: [
        check('2000×2000 product upload with segmentation p95 < 3 s', fmtMs(on.stats.p95), on.stats.p95 < 3_000),
        check('2000×2000 product upload without segmentation p95 < 1 s', fmtMs(off.stats.p95), off.stats.p95 < 1_000)
      ]
    }
  }
}
