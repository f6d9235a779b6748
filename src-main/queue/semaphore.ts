// The queue's download limiter is the app's one semaphore.
export { createSemaphore, type Semaphore } from '../core/semaphore'
