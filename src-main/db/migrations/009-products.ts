import type { Migration } from '../migrations'

/**
 * What the studio knows about a product that Krev doesn't keep, per connection mode: the
 * SHA-256 of the photo it was created from (so the same photo is not uploaded twice), a
 * local name shown beside Krev's (the API has no rename), and a hidden flag (the API has
 * no delete). Kept apart from catalog_products, which is replaced on every refresh.
 */
export const productLocalMigration: Migration = {
  version: 9,
  name: 'products-local',
  up(db) {
    db.exec(`
      CREATE TABLE product_local (
        mode TEXT NOT NULL CHECK (mode IN ('sandbox', 'krev')),
        product_id TEXT NOT NULL,
        content_hash TEXT CHECK (content_hash IS NULL OR length(content_hash) = 64),
        local_name TEXT,
        hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
        PRIMARY KEY (mode, product_id)
      );
      CREATE INDEX product_local_hash ON product_local (mode, content_hash);
    `)
  }
}
