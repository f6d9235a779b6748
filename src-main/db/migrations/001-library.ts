import type { Migration } from '../migrations'

/**
 * The library index. The files (originals and their `.krev.json` sidecars) are the truth
 * and live in the Library folder; these tables are an index over them that can always be
 * rebuilt from the folder. Every row carries its connection mode so sandbox and Krev
 * assets never mix. `seq` is the rowid the FTS table and the child tables point at.
 */
export const libraryMigration: Migration = {
  version: 1,
  name: 'library',
  up(db) {
    db.exec(`
      CREATE TABLE assets (
        seq INTEGER PRIMARY KEY,
        mode TEXT NOT NULL CHECK (mode IN ('sandbox', 'krev')),
        id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('image', 'video', 'ad')),
        job_id TEXT,
        generation_id TEXT,
        prompt TEXT NOT NULL,
        aspect_ratio TEXT NOT NULL,
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        duration_sec REAL,
        bytes INTEGER NOT NULL,
        mime_type TEXT NOT NULL,
        ad_copy TEXT,
        created_at TEXT NOT NULL,
        favorite INTEGER NOT NULL DEFAULT 0 CHECK (favorite IN (0, 1)),
        rating INTEGER NOT NULL DEFAULT 0 CHECK (rating BETWEEN 0 AND 5),
        approval TEXT NOT NULL DEFAULT 'none' CHECK (approval IN ('none', 'approved', 'rejected')),
        -- Relative to the mode's Library folder, with '/' separators; dir is its folder ('' at the top).
        dir TEXT NOT NULL,
        file_path TEXT NOT NULL,
        sidecar_path TEXT,
        thumb_variant TEXT NOT NULL CHECK (thumb_variant IN ('thumb', 'original')),
        UNIQUE (mode, id),
        UNIQUE (mode, file_path)
      );
      CREATE INDEX assets_newest ON assets (mode, created_at, id);
      CREATE INDEX assets_rating ON assets (mode, rating, created_at, id);
      -- Kind and favourite filters walk the sort index (most of the library matches them);
      -- fewer indexes keep a rebuild of 100k rows and a toggle's write small.
      CREATE INDEX assets_dir ON assets (mode, dir);

      CREATE TABLE asset_tags (
        asset_seq INTEGER NOT NULL REFERENCES assets (seq) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        tag TEXT NOT NULL,
        PRIMARY KEY (asset_seq, tag)
      ) WITHOUT ROWID;
      CREATE INDEX asset_tags_tag ON asset_tags (tag);

      CREATE TABLE asset_products (
        asset_seq INTEGER NOT NULL REFERENCES assets (seq) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        product_id TEXT NOT NULL,
        product_name TEXT,
        PRIMARY KEY (asset_seq, product_id)
      ) WITHOUT ROWID;
      CREATE INDEX asset_products_product ON asset_products (product_id, asset_seq);

      -- Month folders of the Library folder as last seen, so a visit notices files added or
      -- deleted outside the app by comparing folder mtimes instead of scanning every file.
      CREATE TABLE library_folders (
        mode TEXT NOT NULL,
        rel_dir TEXT NOT NULL,
        mtime_ms REAL NOT NULL,
        PRIMARY KEY (mode, rel_dir)
      ) WITHOUT ROWID;

      -- mode is indexed too, so a search counts its matches in one mode without touching assets.
      CREATE VIRTUAL TABLE assets_fts USING fts5 (
        mode, prompt, ad_copy, tags, products,
        tokenize = 'unicode61 remove_diacritics 2',
        -- Prefix indexes: the search box matches as you type ("le" → leather), which without
        -- them reads every term of the vocabulary that starts so.
        prefix = '1 2 3'
      );
    `)
  }
}
