/** How many jobs one batch may hold. Zod-free, so the renderer can import it (like values.ts). */
export const MAX_BATCH_JOBS = 200
