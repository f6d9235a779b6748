import { useEffect } from 'react'
import { useShallow } from 'zustand/react/shallow'
import type { Asset, ChatGeneration } from '../../../../src-preload/contract'
import { Spinner } from '../../components/Spinner'
import { formatCredits } from '../../lib/format'
import { useChatStore } from '../../stores/chat'
import { creditsOf, isWorking } from './chat-generations'

/**
 * What an assistant message generated: a thumbnail per Library asset (opening the viewer),
 * a tile per generation still on its way (the queue follows it), and what it all cost.
 */
export function MessageResults({ messageId, onOpen }: { messageId: string; onOpen(asset: Asset, all: Asset[]): void }) {
  const generations = useChatStore(useShallow((s) => s.generations.filter((g) => g.messageId === messageId)))
  const ids = generations.flatMap((g) => g.assetIds)
  const assets = useChatStore(useShallow((s) => ids.flatMap((id) => (s.assets[id] ? [s.assets[id]] : []))))
  const loadAssets = useChatStore((s) => s.loadAssets)
  const key = ids.join(',')

  useEffect(() => {
    if (key) void loadAssets(key.split(','))
  }, [key, loadAssets])

  if (!generations.length) return null
  const credits = creditsOf(generations)
  const working = generations.filter(isWorking)
  const failed = generations.filter((g) => g.status === 'failed' || g.status === 'cancelled')
  return (
    <div className="msg-results">
      {assets.length || working.length ? (
        <ul className="msg-media" aria-label="Generated media">
          {assets.map((a) => (
            <li key={a.id}>
              <button type="button" className="msg-thumb" onClick={() => onOpen(a, assets)} aria-label={`Open ${a.kind} ${assets.indexOf(a) + 1} of ${assets.length}`}>
                <img src={a.thumbUrl} alt="" loading="lazy" />
              </button>
            </li>
          ))}
          {working.map((g) => (
            <li key={g.generationId}>
              <WorkingTile g={g} />
            </li>
          ))}
        </ul>
      ) : null}
      <p className="msg-results-meta">
        {failed.length ? <span className="msg-results-failed">{failed[0]!.error ?? 'A generation failed.'} </span> : null}
        {credits !== null ? <span>{formatCredits(credits)} spent</span> : null}
      </p>
    </div>
  )
}

function WorkingTile({ g }: { g: ChatGeneration }) {
  const label = g.status === 'downloading' ? 'Saving to Library…' : g.status === 'paused' ? 'Waiting in the queue…' : 'Generating…'
  return (
    <div className="msg-thumb msg-thumb-working" role="status">
      <Spinner size={14} />
      <span>{label}</span>
      {g.progress > 0 && g.progress < 100 ? <span className="msg-thumb-progress">{Math.round(g.progress)}%</span> : null}
    </div>
  )
}
