// What jsdom does not implement and Radix calls (the browser has all of these): no-op or
// minimal stand-ins, so component tests exercise our code instead of failing on a missing DOM API.
const proto = Element.prototype as unknown as Record<string, unknown>
proto['scrollIntoView'] ??= function scrollIntoView(): void {}
proto['hasPointerCapture'] ??= function hasPointerCapture(): boolean {
  return false
}
proto['releasePointerCapture'] ??= function releasePointerCapture(): void {}
globalThis.ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
