import type { SubmitFailure } from '../../stores/create'

export type FailureAction = 'account' | 'dashboard' | 'retry' | null

export interface FailureView {
  title: string
  body: string
  action: FailureAction
}

const seconds = (ms?: number): string | null => (ms && ms > 0 ? `${Math.ceil(ms / 1000)} s` : null)

/** Turns a typed submit error into a title, an explanation and the one useful next step. */
export function describeFailure(f: SubmitFailure): FailureView {
  switch (f.code) {
    case 'insufficient_credits':
      return { title: 'Not enough credits', body: f.message || 'Top up in the Krev dashboard, or pick fewer variants.', action: 'dashboard' }
    case 'unauthorized':
      return { title: 'Krev didn’t accept your API key', body: f.message, action: 'account' }
    case 'forbidden':
      return { title: 'Your key can’t do this', body: f.message, action: 'account' }
    case 'rate_limited': {
      const wait = seconds(f.retryAfterMs)
      return {
        title: 'Krev is busy right now',
        body: wait ? `Too many requests. Try again in ${wait}.` : f.message || 'Too many requests. Wait a moment and try again.',
        action: 'retry'
      }
    }
    case 'network':
    case 'timeout':
      return { title: 'Can’t reach Krev', body: f.message || 'Check your internet connection and try again.', action: 'retry' }
    case 'server_error':
      return { title: 'Krev had a problem', body: `${f.message} No credits were spent.`.trim(), action: 'retry' }
    case 'not_connected':
      return { title: 'Not connected to Krev Studio', body: f.message, action: null }
    case 'invalid_input':
    case 'bad_request':
      return { title: 'Check the details', body: f.message, action: null }
    default:
      return { title: 'Couldn’t start this generation', body: f.message, action: 'retry' }
  }
}
