import { useEffect, type FormEvent, type KeyboardEvent } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { Button } from '../../components/Button'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Segmented } from '../../components/Segmented'
import { useChatStore, type Agent } from '../../stores/chat'
import { useProductsStore } from '../../stores/products'
import { BriefChips, BriefProductPicker } from './BriefProducts'
import { BriefReferenceChips, BriefReferencePicker } from './BriefReferences'
import { briefProducts, useComposerStore } from './composer-store'

const AGENTS: ReadonlyArray<{ value: Agent; label: string }> = [
  { value: 'auto', label: 'Auto' },
  { value: 'asset', label: 'Assets' },
  { value: 'discover', label: 'Research' }
]

export function Composer() {
  const { text, agent, productIds, referenceImages, referenceAssetIds, setText, setAgent, clearProducts } = useComposerStore(
    useShallow((s) => ({
      text: s.text,
      agent: s.agent,
      productIds: s.productIds,
      referenceImages: s.referenceImages,
      referenceAssetIds: s.referenceAssetIds,
      setText: s.setText,
      setAgent: s.setAgent,
      clearProducts: s.clearProducts
    }))
  )
  // A conversation opened again is briefed with the agent it was last briefed with.
  const conversationAgent = useChatStore((s) => s.agent)
  const activeId = useChatStore((s) => s.activeId)
  useEffect(() => {
    if (conversationAgent) setAgent(conversationAgent)
  }, [activeId, conversationAgent, setAgent])
  const products = useProductsStore((s) => s.items)
  const send = useChatStore((s) => s.send)
  const sending = useChatStore((s) => s.sending)
  const sendError = useChatStore((s) => s.sendError)

  const submit = async (e?: FormEvent) => {
    e?.preventDefault()
    const ids = briefProducts(productIds, products).map((p) => p.id)
    if (await send(text, agent, ids, { urls: referenceImages, assetIds: referenceAssetIds })) {
      setText('')
      clearProducts()
    }
  }
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault()
      void submit()
    }
  }

  return (
    <form className="composer" onSubmit={submit}>
      <ErrorAlert error={sendError} className="composer-error" />
      <div className="composer-box">
        <BriefChips />
        <BriefReferenceChips />
        <label className="sr-only" htmlFor="chat-message">
          Message
        </label>
        <textarea
          id="chat-message"
          className="composer-input"
          rows={2}
          maxLength={8000}
          placeholder="Ask Krev to plan, write or generate…"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKey}
        />
        <div className="composer-bar">
          <Segmented label="Agent" value={agent} options={AGENTS} onChange={setAgent} className="segmented-sm" />
          <BriefProductPicker />
          <BriefReferencePicker />
          <span className="composer-hint">Enter to send · Shift + Enter for a new line</span>
          <Button type="submit" variant="primary" icon="send" loading={sending} disabled={!text.trim()} aria-label="Send message">
            Send
          </Button>
        </div>
      </div>
    </form>
  )
}
