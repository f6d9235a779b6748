// A Node module-resolution hook (module.register): the bare specifier `electron`, and
// its `electron/main` alias, resolve to the test double instead of the npm package
// (which, without its binary, would only throw). Everything else resolves normally.
const DOUBLE = new URL('../electron-double/index.ts', import.meta.url).href

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron' || specifier === 'electron/main') return { url: DOUBLE, shortCircuit: true }
  return nextResolve(specifier, context)
}
