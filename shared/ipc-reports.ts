// IPC calls for daily progress reports, weekly summaries, targets and the dashboard. shared/ipc.ts merges them into the one contract.
import { z } from 'zod';

export const reportsCalls = {} satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
