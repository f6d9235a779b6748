import type { ReactNode } from 'react'
import { Tabs } from 'radix-ui'
import { Icon, type IconName } from '../../components/Icon'
import type { CreateKind } from '../../stores/create'

const KINDS: ReadonlyArray<{ kind: CreateKind; label: string; icon: IconName }> = [
  { kind: 'image', label: 'Image', icon: 'image' },
  { kind: 'video', label: 'Video', icon: 'video' },
  { kind: 'ad', label: 'Ad', icon: 'ad' }
]

/** Image / Video / Ad as Radix tabs (arrow keys move and select); the panel is the form. */
export function KindTabs({ kind, onChange, children }: { kind: CreateKind; onChange(kind: CreateKind): void; children: ReactNode }) {
  return (
    <Tabs.Root
      value={kind}
      onValueChange={(v) => {
        const next = KINDS.find((k) => k.kind === v)
        if (next) onChange(next.kind)
      }}
      className="kind-tabs-root"
    >
      <Tabs.List className="kind-tabs" aria-label="What to create">
        {KINDS.map((k) => (
          <Tabs.Trigger key={k.kind} value={k.kind} className="kind-tab">
            <Icon name={k.icon} size={16} />
            {k.label}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      <Tabs.Content value={kind} className="create-panel card" tabIndex={-1}>
        {children}
      </Tabs.Content>
    </Tabs.Root>
  )
}
