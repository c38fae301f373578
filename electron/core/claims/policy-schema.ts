// Policy settings of the allowance claims. Every amount, period and limit is a policy value, because
// the figures come from an article that no regulation confirms.
import { z } from 'zod';
import { allowanceFrequencySchema, receiptMediaTypeSchema } from '../../../shared/claims';

const allowancePolicySchema = z.object({
  frequency: allowanceFrequencySchema,
  /** Maximum claimable amount in whole rupiah; null when no source confirms an amount, so the allowance cannot be claimed. */
  amountRupiah: z.number().int().positive().nullable(),
});

/**
 * Upper bound of one receipt whatever the policy says. A claim travels as one outbox event with its
 * receipts in base64 (4/3 of the size), so 3 receipts of 3 MiB make about 12 MiB of JSON, below the
 * 16 MiB body limit of the central API's POST /v1/events.
 */
export const RECEIPT_HARD_MAX_BYTES = 3 * 1024 * 1024;

export const allowancesPolicySchema = z.object({
  types: z.object({
    internet: allowancePolicySchema,
    'workspace-setup': allowancePolicySchema,
    electricity: allowancePolicySchema,
  }),
  /** Working days (holidays and cuti bersama excluded) the agency has to decide a claim; null sets no deadline. */
  approvalWorkingDays: z.number().int().min(1).max(250).nullable(),
  /** First month that can be claimed (the phased start), written YYYY-MM. */
  firstMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month written YYYY-MM'),
  receipts: z.object({
    maxBytes: z.number().int().min(1024).max(RECEIPT_HARD_MAX_BYTES),
    maxPerClaim: z.number().int().min(1).max(3),
    mediaTypes: z.array(receiptMediaTypeSchema).min(1),
  }),
});
export type AllowancesPolicy = z.infer<typeof allowancesPolicySchema>;

/** For profiles stored before allowances existed: nothing can be claimed until a profile sets amounts. */
export const allowancesUnset: AllowancesPolicy = {
  types: {
    internet: { frequency: 'monthly', amountRupiah: null },
    'workspace-setup': { frequency: 'once', amountRupiah: null },
    electricity: { frequency: 'monthly', amountRupiah: null },
  },
  approvalWorkingDays: null,
  firstMonth: '2026-01',
  receipts: { maxBytes: 2 * 1024 * 1024, maxPerClaim: 3, mediaTypes: ['application/pdf', 'image/jpeg', 'image/png'] },
};
