/**
 * A generation request's text: an ad's brief, else its prompt. Zod-free (types only), so
 * main (job titles, sidecars) and the renderer (prompt history, a row's tooltip) read it alike.
 */
type WithText = { kind: 'ad'; params: { brief: string } } | { kind: 'image' | 'video'; params: { prompt: string } }

export const promptOf = (request: WithText): string => (request.kind === 'ad' ? request.params.brief : request.params.prompt)
