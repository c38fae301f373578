import type { LocalizedText } from '../../shared/domain';

/**
 * An error meant for the person using the app: `text` says in both languages what went wrong and
 * what to do next, and `message` (English) goes to logs and stack traces.
 */
export class CompanionError extends Error {
  constructor(
    readonly code: string,
    readonly text: LocalizedText,
    options?: { cause?: unknown },
  ) {
    super(text.en, options);
    this.name = 'CompanionError';
  }
}

export function isCompanionError(error: unknown): error is CompanionError {
  return error instanceof CompanionError;
}
