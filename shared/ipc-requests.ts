// IPC calls for urgent requests and their response deadlines (Permintaan page). shared/ipc.ts merges them into the one contract.
import { z } from 'zod';
import { requestsListSchema, requestStateSchema, urgentRequestViewSchema } from './requests';

const requestId = z.string().min(1).max(200);

/**
 * Upper bound of the wire only; the policy's shorter limit (requests.maxResponseLength) is checked by
 * the core, which explains in both languages how long the text is and how long it may be.
 */
const RESPONSE_TEXT_WIRE_LIMIT = 100_000;

export const requestsCalls = {
  /** The device's requests with state, deadline and response time; states filters when given. */
  listRequests: {
    input: z.object({ states: z.array(requestStateSchema).optional() }).strict(),
    output: requestsListSchema,
  },
  getRequest: { input: z.object({ id: requestId }).strict(), output: urgentRequestViewSchema },
  /** "Terima": records the click time locally and queues it for the central system. */
  acknowledgeRequest: { input: z.object({ id: requestId }).strict(), output: urgentRequestViewSchema },
  /** "Selesai": records the response text and click time locally and queues them; acknowledges too if needed. */
  respondToRequest: {
    input: z.object({ id: requestId, text: z.string().max(RESPONSE_TEXT_WIRE_LIMIT) }).strict(),
    output: urgentRequestViewSchema,
  },
  /** Asks the central system for new requests now (button "Periksa sekarang"). */
  pollRequests: { input: z.object({}).strict(), output: requestsListSchema },
} satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
