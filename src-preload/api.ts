import type { CommandInput, CommandName, CommandOutput, Envelope, EventName, EventPayload } from './contract'

/**
 * What the preload puts on `window.krev`, and what the web-preview shim provides
 * over the loopback bridge. Replies come as envelopes; the renderer's client turns
 * errors into typed exceptions.
 */
export interface KrevBridgeApi {
  invoke<N extends CommandName>(name: N, input: CommandInput<N>): Promise<Envelope<CommandOutput<N>>>
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
  /**
   * The path on disk of a dropped or picked file (Electron's webUtils.getPathForFile), so
   * main reads it itself; absent in the web preview, where the page sends the bytes.
   * Answers '' for a file with no path (made in the page).
   */
  pathForFile?(file: File): string
}

declare global {
  interface Window {
    krev?: KrevBridgeApi
  }
}
