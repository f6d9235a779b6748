import { useEffect, useRef } from 'react'
import type { ChatMessage } from '../../../../src-preload/contract'
import { Icon } from '../../components/Icon'
import { Spinner } from '../../components/Spinner'
import { useChatStore } from '../../stores/chat'
import { ChatIntro } from './ChatIntro'

function Message({ m }: { m: ChatMessage }) {
  if (m.role === 'tool') {
    return (
      <li className="msg msg-tool">
        <Icon name="wand" size={12} />
        <span>{m.text}</span>
      </li>
    )
  }
  return (
    <li className={`msg msg-${m.role}`}>
      {m.role === 'assistant' ? (
        <span className="msg-avatar" aria-hidden="true">
          K
        </span>
      ) : null}
      <div className="msg-bubble">
        <span className="sr-only">{m.role === 'user' ? 'You:' : 'Krev:'}</span>
        <p className="msg-text">{m.text}</p>
        {m.mediaUrls.length > 0 ? (
          <div className="msg-media">
            {m.mediaUrls.slice(0, 8).map((u) => (
              <img key={u} src={u} alt="" loading="lazy" />
            ))}
          </div>
        ) : null}
      </div>
    </li>
  )
}

export function Thread() {
  const messages = useChatStore((s) => s.messages)
  const run = useChatStore((s) => s.activeRun)
  const end = useRef<HTMLDivElement>(null)
  const working = run?.status === 'queued' || run?.status === 'running'

  useEffect(() => {
    end.current?.scrollIntoView?.({ block: 'end' })
  }, [messages.length, working])

  if (messages.length === 0 && !working) return <ChatIntro />
  return (
    // A scroll region keyboard users can reach (Tab, then arrow keys / Page Down).
    <div className="thread" role="region" aria-label="Messages" tabIndex={0}>
      <ol className="thread-list" aria-live="polite">
        {messages.map((m) => (
          <Message key={m.id} m={m} />
        ))}
        {working ? (
          <li className="msg msg-assistant msg-working">
            <span className="msg-avatar" aria-hidden="true">
              K
            </span>
            <div className="msg-bubble">
              <Spinner size={14} /> {run?.status === 'queued' ? 'Queued…' : 'Krev is working on it…'}
            </div>
          </li>
        ) : null}
        {run?.status === 'failed' && run.error ? <li className="msg msg-tool msg-error">{run.error}</li> : null}
      </ol>
      <div ref={end} />
    </div>
  )
}
