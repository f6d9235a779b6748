import { create } from 'zustand'
import type { Agent } from '../../stores/chat'

/** The text being typed, shared by the intro's suggestions and the composer. */
export const useComposerStore = create<{
  text: string
  agent: Agent
  setText(text: string): void
  setAgent(agent: Agent): void
}>()((set) => ({
  text: '',
  agent: 'auto',
  setText: (text) => set({ text }),
  setAgent: (agent) => set({ agent })
}))
