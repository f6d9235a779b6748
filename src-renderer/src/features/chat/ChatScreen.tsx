import { useEffect } from 'react'
import { Callout } from '../../components/Callout'
import { Icon } from '../../components/Icon'
import { formatRelative } from '../../lib/format'
import { useChatStore } from '../../stores/chat'
import { Composer } from './Composer'
import { Thread } from './Thread'

export default function ChatScreen() {
  const conversations = useChatStore((s) => s.conversations)
  const activeId = useChatStore((s) => s.activeId)
  const load = useChatStore((s) => s.load)
  const error = useChatStore((s) => s.error)
  const fetch = useChatStore((s) => s.fetch)
  const open = useChatStore((s) => s.open)

  useEffect(() => {
    void fetch()
  }, [fetch])

  return (
    <div className="chat">
      {conversations.length > 0 ? (
        <nav className="chat-list" aria-label="Conversations">
          <button type="button" className="chat-new" onClick={() => void open(null)}>
            <Icon name="plus" size={14} />
            New brief
          </button>
          <ul>
            {conversations.map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  className="chat-item"
                  aria-current={c.id === activeId ? 'true' : undefined}
                  onClick={() => void open(c.id)}
                >
                  <span className="chat-item-title">{c.title}</span>
                  <span className="chat-item-meta">
                    {c.lastStatus === 'running' || c.lastStatus === 'queued' ? 'Working · ' : ''}
                    {formatRelative(c.updatedAt)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <section className="chat-main" aria-label="Conversation">
        {load === 'error' && error ? (
          <div className="chat-callout">
            <Callout tone="error" title="Conversations couldn’t be loaded" role="alert">
              {error}
            </Callout>
          </div>
        ) : null}
        <Thread />
        <Composer />
      </section>
    </div>
  )
}
