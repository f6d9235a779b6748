/** The Krev Studio mark: a faceted "K" tile and the name. */
export function Wordmark() {
  return (
    <div className="wordmark">
      <svg className="wordmark-mark" width="28" height="28" viewBox="0 0 28 28" aria-hidden="true" focusable="false">
        <rect width="28" height="28" rx="8" className="wordmark-tile" />
        <path d="M9.5 7.5v13" className="wordmark-stroke" />
        <path d="M19 7.5 12.2 14l6.8 6.5" className="wordmark-stroke" />
        <circle cx="19.4" cy="14" r="1.6" className="wordmark-dot" />
      </svg>
      <span className="wordmark-text">
        Krev <span className="wordmark-sub">Studio</span>
      </span>
    </div>
  )
}
