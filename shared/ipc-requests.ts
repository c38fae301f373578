// IPC calls for urgent requests and their response deadlines (Permintaan page). shared/ipc.ts merges them into the one contract.
import { z } from 'zod';

export const requestsCalls = {} satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
