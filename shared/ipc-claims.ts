// IPC calls for allowance claims and digital-skills training. shared/ipc.ts merges them into the one contract.
import { z } from 'zod';
import { allowanceTypeSchema, claimSchema, claimsViewSchema, trainingViewSchema } from './claims';

/**
 * Largest receipt the contract carries, in base64 characters: 4 MiB of content. The policy's own limit
 * is lower and is checked by the core, which says which file was too large and by how much.
 */
const MAX_RECEIPT_BASE64 = Math.ceil((4 * 1024 * 1024) / 3) * 4;
// NOTE: the loopback WebSocket bridge of the browser tests accepts requests up to 64 KiB, so there
// only receipts under about 47 KiB can be attached. Electron's IPC has no such bound.

const claimId = z.string().min(1).max(64);

export const claimsCalls = {
  getClaims: { input: z.object({}).strict(), output: claimsViewSchema },
  /** Creates a draft (no id) or updates a draft's fields; the policy's amount and period rules apply. */
  saveClaimDraft: {
    input: z
      .object({
        id: claimId.optional(),
        type: allowanceTypeSchema,
        period: z.string().min(1).max(16),
        amountRupiah: z.number().int(),
        description: z.string().max(500),
      })
      .strict(),
    output: claimSchema,
  },
  deleteClaimDraft: { input: z.object({ id: claimId }).strict(), output: z.object({ deleted: z.boolean() }) },
  /** Attaches a receipt read by the page; its type is recognised from the content, not the name. */
  attachReceipt: {
    input: z
      .object({
        claimId,
        fileName: z.string().max(255),
        contentBase64: z.string().max(MAX_RECEIPT_BASE64, 'the file is larger than 4 MiB'),
      })
      .strict(),
    output: claimSchema,
  },
  removeReceipt: { input: z.object({ claimId, sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict(), output: claimSchema },
  /** Submits a draft through the outbox; a refusal leaves the draft as it was. */
  submitClaim: { input: z.object({ id: claimId }).strict(), output: claimSchema },
  /** Fetches the decisions from the central system, then returns the claims. */
  refreshClaims: { input: z.object({}).strict(), output: claimsViewSchema },
  getTraining: { input: z.object({}).strict(), output: trainingViewSchema },
  /** Fetches modules and certificates from the central system, then returns the training view. */
  refreshTraining: { input: z.object({}).strict(), output: trainingViewSchema },
} satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;
