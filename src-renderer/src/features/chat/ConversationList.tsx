import { useState, type KeyboardEvent } from 'react'
import { Button, IconButton } from '../../components/Button'
import { Icon } from '../../components/Icon'
import { Modal } from '../../components/Modal'
import { SearchField } from '../../components/SearchField'
import { TruncatedText } from '../../components/TruncatedText'
import { formatRelative } from '../../lib/format'
import { useChatStore, type ConversationSummary } from '../../stores/chat'

/** The conversations of this mode: searched, opened, renamed and deleted (all on this computer). */
export function ConversationList() {
  const conversations = useChatStore((s) => s.conversations)
  const activeId = useChatStore((s) => s.activeId)
  const search = useChatStore((s) => s.search)
  const setSearch = useChatStore((s) => s.setSearch)
  const open = useChatStore((s) => s.open)
  const [renaming, setRenaming] = useState<string | null>(null)
  const [deleting, setDeleting] = useState<ConversationSummary | null>(null)

  return (
    <nav className="chat-list" aria-label="Conversations">
      <button type="button" className="chat-new" onClick={() => void open(null)}>
        <Icon name="plus" size={14} />
        New brief
      </button>
      {/* Searched as you type, once the typing pauses (one command per pause, not per key). */}
      <SearchField
        label="Search conversations"
        placeholder="Search chats"
        value={search}
        onChange={(q) => void setSearch(q)}
        delay={200}
      />
      {conversations.length === 0 && search ? <p className="chat-list-empty">No conversation matches “{search}”.</p> : null}
      <ul>
        {conversations.map((c) => (
          <li key={c.id} className="chat-row">
            {renaming === c.id ? (
              <RenameField c={c} onDone={() => setRenaming(null)} />
            ) : (
              <button type="button" className="chat-item" aria-current={c.id === activeId ? 'true' : undefined} onClick={() => void open(c.id)}>
                <TruncatedText className="chat-item-title" text={c.title} />
                <span className="chat-item-meta">
                  {c.lastStatus === 'running' || c.lastStatus === 'queued' ? 'Working · ' : ''}
                  {formatRelative(c.updatedAt)}
                </span>
              </button>
            )}
            {c.id === activeId && renaming !== c.id ? (
              <span className="chat-row-actions">
                <IconButton icon="pencil" label="Rename conversation" onClick={() => setRenaming(c.id)} />
                <IconButton icon="trash" label="Delete conversation" onClick={() => setDeleting(c)} />
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {deleting ? <DeleteDialog c={deleting} onClose={() => setDeleting(null)} /> : null}
    </nav>
  )
}

function RenameField({ c, onDone }: { c: ConversationSummary; onDone(): void }) {
  const rename = useChatStore((s) => s.rename)
  const [title, setTitle] = useState(c.title)
  const save = async () => {
    if (title.trim() && title.trim() !== c.title) await rename(c.id, title.trim())
    onDone()
  }
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') void save()
    if (e.key === 'Escape') onDone()
  }
  return (
    <input
      className="input chat-rename"
      aria-label="Conversation name"
      maxLength={120}
      autoFocus
      value={title}
      onChange={(e) => setTitle(e.target.value)}
      onKeyDown={onKey}
      onBlur={() => void save()}
    />
  )
}

function DeleteDialog({ c, onClose }: { c: ConversationSummary; onClose(): void }) {
  const remove = useChatStore((s) => s.remove)
  return (
    <Modal title="Delete conversation?" showTitle onClose={onClose} className="confirm-spend">
      <p className="confirm-spend-text">
        “{c.title}” is deleted from this computer. Its images stay in your Library, and Krev keeps its own copy of the conversation.
      </p>
      <div className="form-actions">
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        <Button variant="danger" icon="trash" onClick={() => void remove(c.id).then(onClose)}>
          Delete
        </Button>
      </div>
    </Modal>
  )
}
