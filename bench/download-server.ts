// The loopback media host for the download benchmark, as its own process so the app's
// download path and curl compete with the same server and neither shares its event loop.
// argv: <size bytes>. Prints `MEDIA_URL <url>`; stops when stdin closes.
import { mediaServer } from '../test/integration/download/fixtures/media-server'

const size = Number(process.argv[2])
if (!Number.isSafeInteger(size) || size <= 0) throw new Error('usage: download-server.ts <size bytes>')
const server = await mediaServer(size)
process.stdout.write(`MEDIA_URL ${server.url}\n`)
process.stdin.resume()
process.stdin.on('end', () => void server.close().then(() => process.exit(0)))
