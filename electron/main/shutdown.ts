// Quitting: try to deliver the outbox for a few seconds, then close everything and exit. The queue
// is durable, so a flush cut short loses nothing. Whatever is left is sent on the next start.
import type { FlushResult } from '../../shared/domain';
import type { Logger } from '../core/logger';

/** How long Quit waits for the outbox before it gives up and exits anyway. */
export const QUIT_FLUSH_TIMEOUT_MS = 4_000;

export interface ShutdownOptions {
  flush: () => Promise<FlushResult>;
  /** Closes the companion, the demo server and the tray. A failure is logged, and the exit still happens. */
  close: () => Promise<void> | void;
  exit: (code: number) => void;
  logger: Logger;
  flushTimeoutMs?: number;
}

type FlushOutcome = { kind: 'done'; result: FlushResult } | { kind: 'failed'; error: unknown } | { kind: 'timed_out' };

async function flushWithin(flush: () => Promise<FlushResult>, timeoutMs: number): Promise<FlushOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<FlushOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'timed_out' }), timeoutMs);
  });

  const attempt = flush().then(
    (result): FlushOutcome => ({ kind: 'done', result }),
    (error: unknown): FlushOutcome => ({ kind: 'failed', error }),
  );

  try {
    return await Promise.race([attempt, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Returns the quit function; calling it again while it runs returns the same promise. */
export function createShutdown(options: ShutdownOptions): () => Promise<void> {
  const timeoutMs = options.flushTimeoutMs ?? QUIT_FLUSH_TIMEOUT_MS;
  let running: Promise<void> | null = null;

  const run = async () => {
    const { logger } = options;
    logger.info('Quitting: sending the outbox first', { timeoutMs });

    const outcome = await flushWithin(options.flush, timeoutMs);
    if (outcome.kind === 'done') {
      const { attempted, accepted, failed } = outcome.result;
      logger.info('Outbox flushed before quitting', { attempted, accepted, failed });
    } else if (outcome.kind === 'failed') {
      logger.warn('Outbox flush before quitting failed; the items stay queued', { error: (outcome.error as Error).message });
    } else {
      logger.warn('Outbox flush before quitting timed out; the items stay queued', { timeoutMs });
    }

    try {
      await options.close();
    } catch (error) {
      logger.error('Closing before exit failed', { error: (error as Error).message });
    }
    options.exit(0);
  };

  return () => {
    running ??= run();
    return running;
  };
}
