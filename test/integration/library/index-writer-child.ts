// A child process that writes the library index as fast as it can until it is killed:
// batches of 50 assets (row, tags, product link, search entry) per transaction, and after
// each commit prints how many assets are durable.
import { openDatabase } from '../../../src-main/db/database'
import { MIGRATIONS } from '../../../src-main/db/migrations/index'
import { createLibraryIndex } from '../../../src-main/library/library-index'
import { fakeRecord } from '../../unit/library/fake-record'

const index = createLibraryIndex(openDatabase(process.argv[2] as string, { migrations: MIGRATIONS }).db)
let n = 0
for (;;) {
  index.transaction(() => {
    for (let i = 0; i < 50; i++, n++) {
      index.put('krev', fakeRecord(n, { tags: ['a', `t${n}`], productIds: ['p'], productNames: ['Tan bag'], prompt: `Prompt number ${n}` }))
      if (n % 7 === 0) index.setFavorite(index.get('krev', fakeRecord(n).id)!.seq, true)
    }
  })
  process.stdout.write(`${n}\n`)
}
