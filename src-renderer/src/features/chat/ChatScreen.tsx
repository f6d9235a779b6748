import { useEffect } from 'react'
import { Callout } from '../../components/Callout'
import { useChatStore } from '../../stores/chat'
import { Composer } from './Composer'
import { ConversationList } from './ConversationList'
import { Thread } from './Thread'

export default function ChatScreen() {
  const hasAny = useChatStore((s) => s.conversations.length > 0 || s.search !== '')
  const load = useChatStore((s) => s.load)
  const error = useChatStore((s) => s.error)
  const fetch = useChatStore((s) => s.fetch)

  useEffect(() => {
    void fetch()
  }, [fetch])

  return (
    <div className="chat">
      {hasAny ? <ConversationList /> : null}
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
