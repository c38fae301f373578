// IPC calls for compliance history and export (Kepatuhan page). shared/ipc.ts merges them into the one contract.
import { z } from 'zod';
import { attestationSchema, checkNameSchema, complianceSnapshotSchema, localizedTextSchema, verdictSchema } from './domain';

/** Position in the history, newest first: the page after it starts below this snapshot. */
export const snapshotCursorSchema = z.object({ createdAt: z.number().int(), id: z.string().min(1) }).strict();

/** One stored snapshot as the history lists it: the verdict of each check and the declarations. */
export const snapshotEntrySchema = z.discriminatedUnion('readable', [
  z.object({
    readable: z.literal(true),
    id: z.string(),
    createdAt: z.number().int(),
    policyId: z.string(),
    policyVersion: z.string(),
    overall: verdictSchema,
    checks: z.array(z.object({ check: checkNameSchema, verdict: verdictSchema, summary: localizedTextSchema })),
    /** Declared by the user, not measured. */
    attestations: z.array(attestationSchema),
  }),
  /** A stored row that no longer parses; it is listed so that nothing disappears silently. */
  z.object({ readable: z.literal(false), id: z.string(), createdAt: z.number().int(), problem: localizedTextSchema }),
]);
export type SnapshotEntry = z.infer<typeof snapshotEntrySchema>;

export const snapshotPageSchema = z.object({
  items: z.array(snapshotEntrySchema),
  /** Cursor of the next, older page; null when this page reaches the oldest snapshot. */
  nextCursor: snapshotCursorSchema.nullable(),
});
export type SnapshotPage = z.infer<typeof snapshotPageSchema>;

/** A signed snapshot file, byte for byte what `asn-companion snapshot export` writes. */
export const snapshotExportSchema = z.object({
  fileName: z.string(),
  content: z.string(),
  snapshotId: z.string(),
  /** Short id of the device key that signed it, for the helpdesk to compare with the registered one. */
  keyId: z.string(),
  /** True when no keychain is available, so the key lasts only while the app runs. */
  temporaryKey: z.boolean(),
});
export type SnapshotExport = z.infer<typeof snapshotExportSchema>;

const snapshotIdInput = z.object({ id: z.string().min(1).max(100) }).strict();

export const complianceCalls = {
  /** Stored snapshots, newest first, `limit` at a time; `before` continues after a page's nextCursor. */
  listSnapshots: {
    input: z.object({ limit: z.number().int().min(1).max(100).optional(), before: snapshotCursorSchema.optional() }).strict(),
    output: snapshotPageSchema,
  },
  getSnapshot: { input: snapshotIdInput, output: complianceSnapshotSchema },
  /** Signs a stored snapshot with the device key and returns the file for the helpdesk. */
  exportSnapshot: { input: snapshotIdInput, output: snapshotExportSchema },
} satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
