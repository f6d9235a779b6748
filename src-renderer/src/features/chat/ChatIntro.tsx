import { Icon } from '../../components/Icon'
import { useChatStore } from '../../stores/chat'
import { useComposerStore } from './composer-store'

const STARTERS = [
  'Make three ad concepts for my bestseller, with image ideas',
  'Write five hooks for a summer sale on our tote bags',
  'Plan a week of product posts for Instagram',
  'Find ad angles competitors use for protein bars'
] as const

/** The empty state of a new conversation: what the agent can do, and ways to start. */
export function ChatIntro() {
  const setText = useComposerStore((s) => s.setText)
  const sendError = useChatStore((s) => s.sendError)
  return (
    <div className="chat-intro">
      <div className="chat-intro-mark" aria-hidden="true">
        <Icon name="chat" size={24} />
      </div>
      <h2>Brief the Krev agent</h2>
      <p>
        Describe what you need in plain words. The agent can look at your products, write ad copy, research ad angles
        and generate images and videos — results land in your library.
      </p>
      {!sendError ? (
        <div className="starters" role="group" aria-label="Suggestions">
          {STARTERS.map((s) => (
            <button key={s} type="button" className="starter" onClick={() => setText(s)}>
              <span>{s}</span>
              <Icon name="arrowRight" size={14} />
            </button>
          ))}
        </div>
      ) : null}
    </div>
  )
}
