// IPC calls for allowance claims and digital-skills training. shared/ipc.ts merges them into the one contract.
import { z } from 'zod';

export const claimsCalls = {} satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
