// IPC calls for the privacy notice and the transparency view. shared/ipc.ts merges them into the one contract.
import { z } from 'zod';
import { privacyStateSchema, sentDataSummarySchema } from './privacy';

const empty = z.object({}).strict();

export const privacyCalls = {
  getPrivacy: { input: empty, output: privacyStateSchema },
  /** Records that the user read the current privacy notice; it is not shown again until it changes. */
  acknowledgePrivacyNotice: { input: empty, output: privacyStateSchema },
  setLocationConsent: { input: z.object({ enabled: z.boolean() }).strict(), output: privacyStateSchema },
  /** Summary of the records the central system has received so far, per kind. */
  getSentData: { input: empty, output: sentDataSummarySchema },
} satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
