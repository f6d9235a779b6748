import type { Migration } from '../migrations'

/**
 * Review in the Library. The `approval` column and its sidecar field came with the first
 * library step (version 1 of the format reads them), so this step adds only the index the
 * approval filter needs: "approved" or "rejected" is usually a few hundred of 100k assets,
 * and walking the sort index for them would read the whole library for one page. The index
 * keeps the sort order after the approval, so that filter pages newest/oldest in index order.
 * Rating ≥ N pages through assets_rating; tags and dates already have theirs.
 */
export const libraryReviewMigration: Migration = {
  version: 8,
  name: 'library-review',
  up(db) {
    db.exec('CREATE INDEX assets_approval ON assets (mode, approval, created_at, id)')
  }
}
