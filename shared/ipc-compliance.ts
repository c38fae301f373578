// IPC calls for compliance history and export (Kepatuhan page). shared/ipc.ts merges them into the one contract.
import { z } from 'zod';

export const complianceCalls = {} satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
