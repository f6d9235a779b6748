/** A quiet illustration: a product photo becoming a studio shot, a video and an ad. */
export function WelcomeArt() {
  return (
    <div className="welcome-art" aria-hidden="true">
      <div className="art-card art-card-source">
        <span className="art-product" />
      </div>
      <span className="art-arrow" />
      <div className="art-stack">
        <div className="art-card art-card-studio">
          <span className="art-product art-product-lit" />
        </div>
        <div className="art-card art-card-video">
          <span className="art-play" />
        </div>
        <div className="art-card art-card-ad">
          <span className="art-line" />
          <span className="art-line short" />
          <span className="art-cta" />
        </div>
      </div>
    </div>
  )
}
