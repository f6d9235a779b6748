// Module resolve hook: `electron` (from the packaged main bundle or electron-store) is the fake.
const fake = new URL('./fake-electron.mjs', import.meta.url).href

export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: fake, shortCircuit: true }
  return next(specifier, context)
}
