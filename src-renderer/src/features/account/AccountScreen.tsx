import { useEffect, useRef, useState } from 'react'
import { Screen } from '../../components/Screen'
import { useAccountStore } from '../../stores/account'
import { useAppStore, type AccountSection } from '../../stores/app'
import { ConversionsSection } from './ConversionsSection'
import { KeySection } from './KeySection'
import { PlanSection } from './PlanSection'
import { SettingsSection } from './SettingsSection'

const SECTIONS: ReadonlyArray<{ id: AccountSection; anchor: string; label: string }> = [
  { id: 'overview', anchor: 'account-overview', label: 'Plan & usage' },
  { id: 'key', anchor: 'account-key', label: 'API key' },
  { id: 'settings', anchor: 'account-settings', label: 'Settings' },
  { id: 'conversions', anchor: 'account-conversions', label: 'Meta conversions' }
]

/** Scrolls the screen's own scroller (never the window) so the section's top is in view. */
function scrollToSection(anchor: string, smooth: boolean): void {
  const el = document.getElementById(anchor)
  const scroller = el?.closest('.screen-scroll')
  if (!el || !scroller) return
  const top = el.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop - 16
  scroller.scrollTo({ top: Math.max(0, top), behavior: smooth ? 'smooth' : 'auto' })
}

/** One scrolling page: plan and key, settings, Meta conversions; the side links jump between them. */
export default function AccountScreen() {
  const loadCredits = useAccountStore((s) => s.loadCredits)
  const section = useAppStore((s) => s.accountSection)
  const jump = useAppStore((s) => s.accountJump)
  const [current, setCurrent] = useState<AccountSection>(section)
  const root = useRef<HTMLDivElement>(null)

  useEffect(() => {
    void loadCredits(true)
  }, [loadCredits])

  // Jump to the section another screen asked for (e.g. "Review key").
  useEffect(() => {
    const target = SECTIONS.find((s) => s.id === section)
    if (target && section !== 'overview') scrollToSection(target.anchor, false)
    setCurrent(section)
  }, [section, jump])

  // Highlight the section in view.
  useEffect(() => {
    const scroller = root.current?.closest('.screen-scroll')
    if (!scroller || typeof IntersectionObserver === 'undefined') return
    const io = new IntersectionObserver(
      (entries) => {
        const top = entries.filter((e) => e.isIntersecting).sort((a, b) => a.boundingClientRect.top - b.boundingClientRect.top)[0]
        const hit = top && SECTIONS.find((s) => s.anchor === top.target.id)
        if (hit) setCurrent(hit.id)
      },
      { root: scroller, rootMargin: '0px 0px -70% 0px' }
    )
    for (const s of SECTIONS) {
      const el = document.getElementById(s.anchor)
      if (el) io.observe(el)
    }
    return () => io.disconnect()
  }, [])

  return (
    <Screen wide className="account">
      <div className="acct-layout" ref={root}>
        <nav className="acct-nav" aria-label="Account sections">
          {SECTIONS.map((s) => (
            <a
              key={s.id}
              href={`#${s.anchor}`}
              className="acct-nav-link"
              aria-current={current === s.id ? 'true' : undefined}
              onClick={(e) => {
                e.preventDefault()
                setCurrent(s.id)
                scrollToSection(s.anchor, !window.matchMedia('(prefers-reduced-motion: reduce)').matches)
              }}
            >
              {s.label}
            </a>
          ))}
        </nav>
        <div className="acct-content">
          <PlanSection />
          <KeySection />
          <SettingsSection />
          <ConversionsSection />
        </div>
      </div>
    </Screen>
  )
}
