// WebFrameMain: the frame that sent an IPC message. Electron hands out one object per
// frame (so `frame === webContents.mainFrame` is a valid identity check) and its `url`
// follows navigations, which is what the app's sender check relies on.
let nextFrameId = 1

export class WebFrameMain {
  readonly frameTreeNodeId = nextFrameId++
  readonly routingId = this.frameTreeNodeId
  readonly frames: WebFrameMain[] = []
  private destroyed = false

  constructor(
    public url: string,
    readonly processId: number,
    readonly parent: WebFrameMain | null = null,
    readonly name = ''
  ) {}

  get top(): WebFrameMain {
    return this.parent ? this.parent.top : this
  }

  get origin(): string {
    try {
      const origin = new URL(this.url).origin
      return origin === 'null' ? 'file://' : origin
    } catch {
      return ''
    }
  }

  get framesInSubtree(): WebFrameMain[] {
    return [this, ...this.frames.flatMap((f) => f.framesInSubtree)]
  }

  get detached(): boolean {
    return this.destroyed
  }

  isDestroyed(): boolean {
    return this.destroyed
  }

  /** Test control: an <iframe> inside this frame, e.g. an ad or an injected page. */
  addChild(url: string, name = ''): WebFrameMain {
    const child = new WebFrameMain(url, this.processId, this, name)
    this.frames.push(child)
    return child
  }

  destroy(): void {
    this.destroyed = true
    this.frames.forEach((f) => f.destroy())
  }
}
