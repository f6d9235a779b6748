import { emptyHistory } from '../../../src-renderer/src/features/create/prompt-history'
import { initialDraft, useCreateStore } from '../../../src-renderer/src/stores/create'
import { initialQueueState, useQueueStore } from '../../../src-renderer/src/stores/queue'

/** The create form as the studio opens it, with no prompt history, and an empty queue: where each create test starts. */
export function freshCreateState(): void {
  useCreateStore.setState({ draft: initialDraft, submitting: false, failure: null, lastJob: null, history: emptyHistory(), recall: null })
  useQueueStore.setState(initialQueueState)
}
