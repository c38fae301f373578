// IPC calls for privacy notice and the transparency view. shared/ipc.ts merges them into the one contract.
import { z } from 'zod';

export const privacyCalls = {} satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
