import type { GenerationRequest } from '../../src-preload/contract'
import { isAppError } from '../core/app-error'
import type { KrevClient } from '../krev/types'
import { validateAdParams, validateImageParams, validateVideoParams } from '../krev/validate'
import type { QueueMode } from './job-model'
import { toKrevRequest } from './pricing'

/**
 * The client's own checks, run at submit so a request Krev would refuse (a private-network
 * reference URL, a bad product id) is refused before a job exists. A DNS lookup that fails
 * because we are offline is not the request's fault: the job is accepted, and the client
 * checks again right before the POST.
 */
export async function validateForKrev(req: GenerationRequest, client: Pick<KrevClient, 'baseUrl'>, mode: QueueMode): Promise<void> {
  const guard = { trustedOrigins: mode === 'sandbox' ? [new URL(client.baseUrl).origin] : [] }
  const krev = toKrevRequest(req)
  try {
    if (krev.kind === 'image') await validateImageParams(krev.params, guard)
    else if (krev.kind === 'video') await validateVideoParams(krev.params, guard)
    else await validateAdParams(krev.params, guard)
  } catch (e) {
    if (isAppError(e) && (e.code === 'network' || e.code === 'timeout')) return
    throw e
  }
}
