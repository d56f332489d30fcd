import type { EffectiveParameters } from '@arrears/shared/compliance/packs';
import type { Executor } from '../../db/client.ts';

/**
 * The port through which withCase keeps the queues in step (decision record 0NN-h1): the queue state is derived
 * from a case's facts and owned by queues, which case-core, at the bottom, cannot import. queues registers its
 * projection when its module loads; withCase and withCases call it after every change they write.
 */
export interface QueueProjector {
  /**
   * After one case changed (its new version written): re-judge it on the facts as the change left them, with the
   * history window of `parameters` when the caller loaded them, and re-judge the debtor's other active cases.
   */
  caseChanged(
    tx: Executor,
    change: { caseId: string; now: Date; parameters?: EffectiveParameters | undefined },
  ): Promise<void>;
  /** After several cases changed: re-judge them and their debtors' other active cases. */
  casesChanged(tx: Executor, caseIds: readonly string[], now: Date): Promise<void>;
}

let registered: QueueProjector | null = null;

/** Called once, by the queues module, when it loads. A second projector would be a second writer: refused. */
export function registerQueueProjector(projector: QueueProjector): void {
  if (registered !== null && registered !== projector)
    throw new Error('a queue projector is already registered');
  registered = projector;
}

/** The registered projector; a write without one would leave the queues stale, so it fails instead. */
export function queueProjector(): QueueProjector {
  if (registered === null) {
    throw new Error(
      'no queue projector registered: import server/src/modules/queues/queues.service.ts first',
    );
  }
  return registered;
}
