import type { Migration } from '../migrations'
import { libraryMigration } from './001-library'
import { queueMigration } from './002-queue'
import { chatMigration } from './003-chat'
import { productsMigration } from './004-products'
import { jobActionIdMigration } from './005-job-action-id'
import { batchesMigration } from './006-batches'
import { queueOrderMigration } from './007-queue-order'
import { libraryReviewMigration } from './008-library-review'
import { productLocalMigration } from './009-products'
import { chatResultsMigration } from './010-chat'
import { finishedJobsMigration } from './011-finished-jobs'

/**
 * Every migration of the studio's database, in order. Versions are assigned per domain
 * as they are written: 1 library, 2 queue, 3 chat, 4 products, 5 the jobs' action ids;
 * later steps take the next free number. A step, once released, is never edited: a change
 * is a new step.
 */
export const MIGRATIONS: readonly Migration[] = [
  libraryMigration,
  queueMigration,
  chatMigration,
  productsMigration,
  jobActionIdMigration,
  batchesMigration,
  queueOrderMigration,
  libraryReviewMigration,
  productLocalMigration,
  chatResultsMigration,
  finishedJobsMigration
]
