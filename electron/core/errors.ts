import type { LocalizedText } from '../../shared/domain';

/**
 * An error meant for the person using the app: `text` says in both languages what went wrong and
 * what to do next, and `message` (English) goes to logs and stack traces.
 */
export class CompanionError extends Error {
  /** The form field the error is about, as a path like `activities.2.description`, when there is one. */
  readonly field: string | undefined;

  constructor(
    readonly code: string,
    readonly text: LocalizedText,
    options?: { cause?: unknown; field?: string },
  ) {
    super(text.en, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CompanionError';
    this.field = options?.field;
  }
}

export function isCompanionError(error: unknown): error is CompanionError {
  return error instanceof CompanionError;
}
