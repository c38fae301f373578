// IPC calls that only the desktop shell can carry out, because they need Electron (a save dialog,
// printing). shared/ipc.ts merges them into the one contract. The core's own handler rejects them
// with a message saying so, which is what the loopback browser bridge returns; the Electron shell
// replaces the handler (electron/main/summary-pdf.ts).
import { z } from 'zod';
import { languageSchema } from './domain';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');

export const shellCalls = {
  /**
   * Prints the weekly summary of the week containing `weekStart` to PDF and saves it where the person
   * chooses. `saved` is false when the save dialog was cancelled.
   */
  exportWeeklySummaryPdf: {
    input: z.object({ weekStart: isoDate, language: languageSchema.optional() }).strict(),
    output: z.object({ saved: z.boolean(), path: z.string().nullable(), bytes: z.number().int().nonnegative() }),
  },
} satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
