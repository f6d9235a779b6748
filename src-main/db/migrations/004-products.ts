import type { Migration } from '../migrations'

/**
 * The products catalogue as Krev last listed it, per connection mode: when it was fetched,
 * and each product (JSON text, checked when read) in Krev's order.
 */
export const productsMigration: Migration = {
  version: 4,
  name: 'products',
  up(db) {
    db.exec(`
      CREATE TABLE catalog_fetches (
        mode TEXT PRIMARY KEY CHECK (mode IN ('sandbox', 'krev')),
        fetched_at INTEGER
      );
      CREATE TABLE catalog_products (
        mode TEXT NOT NULL,
        position INTEGER NOT NULL,
        id TEXT NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (mode, position),
        FOREIGN KEY (mode) REFERENCES catalog_fetches (mode) ON DELETE CASCADE
      );
    `)
  }
}
