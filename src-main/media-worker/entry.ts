/**
 * The media worker process's entry (out/main/media-worker.js). Nothing here may load sharp
 * statically: serve() goes through load-sharp, which decides native or wasm first.
 */
import { serve } from './serve'

serve()
