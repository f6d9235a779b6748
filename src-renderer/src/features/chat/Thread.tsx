import { useEffect, useRef } from 'react'
import { CopyButton } from '../../components/CopyButton'
import type { Asset, ChatMessage } from '../../../../src-preload/contract'
import { Icon } from '../../components/Icon'
import { Spinner } from '../../components/Spinner'
import { useReviewStore } from '../../stores/review'
import { openExternalLink } from '../account/open-dashboard'
import { useChatStore } from '../../stores/chat'
import { ChatIntro } from './ChatIntro'
import { Markdown } from './markdown'
import { MessageAttachments } from './MessageAttachments'
import { MessageResults } from './MessageResults'

const timeOf = (iso: string) => {
  const t = Date.parse(iso)
  return Number.isFinite(t) ? new Date(t).toLocaleString(undefined, { hour: '2-digit', minute: '2-digit', day: 'numeric', month: 'short' }) : ''
}

function Message({ m, onOpen }: { m: ChatMessage; onOpen(asset: Asset, all: Asset[]): void }) {
  if (m.role === 'tool') {
    return (
      <li className="msg msg-tool">
        <Icon name="wand" size={12} />
        <span>{m.text}</span>
      </li>
    )
  }
  const at = timeOf(m.createdAt)
  return (
    <li className={`msg msg-${m.role}`}>
      {m.role === 'assistant' ? (
        <span className="msg-avatar" aria-hidden="true">
          K
        </span>
      ) : null}
      <div className="msg-body">
        <div className="msg-bubble">
          <span className="sr-only">{m.role === 'user' ? 'You:' : 'Krev:'}</span>
          {m.role === 'assistant' ? <Markdown text={m.text} onLink={(url) => void openExternalLink(url)} /> : <p className="msg-text">{m.text}</p>}
        </div>
        {m.role === 'user' ? <MessageAttachments m={m} /> : <MessageResults messageId={m.id} onOpen={onOpen} />}
        <div className="msg-foot">
          {at ? <time dateTime={m.createdAt}>{at}</time> : null}
          <CopyButton text={m.text} label="message" className="msg-action" />
        </div>
      </div>
    </li>
  )
}

/** A result thumbnail opens the viewer over the thread, stepping through that message's outputs. */
const openOutput = (asset: Asset, all: Asset[]) => useReviewStore.getState().openViewer(asset.id, all.map((a) => a.id))

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
          <Message key={m.id} m={m} onOpen={openOutput} />
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
