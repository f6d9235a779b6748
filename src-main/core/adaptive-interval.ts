/**
 * The one adaptive polling pace: start short, grow by `growth` up to `maxMs` while the
 * answers stay the same, snap back to `initialMs` as soon as something moves, so work in
 * progress feels live while a long wait costs few requests. The queue's generation poller
 * and the chat run poller both step with this.
 */
export interface AdaptiveTiming {
  initialMs: number
  maxMs: number
  growth: number
}

export function nextInterval(current: number, changed: boolean, t: AdaptiveTiming): number {
  return changed ? t.initialMs : Math.min(t.maxMs, Math.round(current * t.growth))
}
