/**
 * A ref for an <img> in a virtual list: when the element leaves the DOM its load is dropped.
 * A removed <img> keeps its request alive until it is garbage-collected, so a fast fling
 * through the Library queued thousands of thumbnail loads nobody would see, and Chromium
 * went over all of them after every layout (ResourceLoadPriorityOptimizer, up to 140 ms a
 * frame at 18k tiles; docs/benchmarks.md). Without a src nothing holds the request.
 */
export function releaseOnUnmount(img: HTMLImageElement | null): (() => void) | undefined {
  if (!img) return undefined
  return () => img.removeAttribute('src')
}
