// Allowance claims (Klaim Tunjangan) and digital-skills training (Pelatihan) as the renderer, the
// core and the IPC contract see them. Amounts are whole rupiah; dates are civil dates in the policy zone.
import { z } from 'zod';

const dateKey = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');

/** The allowances a claim can be made for: internet and communication, workspace setup, electricity and utilities. */
export const allowanceTypeSchema = z.enum(['internet', 'workspace-setup', 'electricity']);
export type AllowanceType = z.infer<typeof allowanceTypeSchema>;

/** Monthly allowances are claimed once per month; a "once" allowance once ever. */
export const allowanceFrequencySchema = z.enum(['monthly', 'once']);
export type AllowanceFrequency = z.infer<typeof allowanceFrequencySchema>;

/** A claim's period: a month written YYYY-MM, or "once" for a one-time allowance. */
export const claimPeriodSchema = z.union([z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month written YYYY-MM'), z.literal('once')]);

export const receiptMediaTypeSchema = z.enum(['application/pdf', 'image/jpeg', 'image/png']);
export type ReceiptMediaType = z.infer<typeof receiptMediaTypeSchema>;

/**
 * A claim's life: a local draft, submitted (queued or delivered to the central system), then the
 * central system's decision (approved or rejected), and paid.
 */
export const claimStatusSchema = z.enum(['draft', 'submitted', 'approved', 'rejected', 'paid']);
export type ClaimStatus = z.infer<typeof claimStatusSchema>;

/** A receipt attached to a claim, referenced by the SHA-256 of its content. */
export const receiptSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  sizeBytes: z.number().int().positive(),
  mediaType: receiptMediaTypeSchema,
  fileName: z.string(),
});
export type Receipt = z.infer<typeof receiptSchema>;

export const claimSchema = z.object({
  id: z.string(),
  type: allowanceTypeSchema,
  period: claimPeriodSchema,
  amountRupiah: z.number().int(),
  description: z.string(),
  status: claimStatusSchema,
  receipts: z.array(receiptSchema),
  createdAt: z.number().int(),
  submittedAt: z.number().int().nullable(),
  /** Whether the central system has the claim (status fetched from it at least once after submission). */
  receivedByCentral: z.boolean(),
  /** Last working day for the decision, counted from the submission day; null for drafts or when the policy sets no deadline. */
  decisionDeadline: dateKey.nullable(),
  /** Submitted, still undecided, and the deadline has passed. */
  overdue: z.boolean(),
  rejectionReason: z.string().nullable(),
  decidedAt: z.number().int().nullable(),
  paidAt: z.number().int().nullable(),
});
export type Claim = z.infer<typeof claimSchema>;

export const allowanceSchema = z.object({
  type: allowanceTypeSchema,
  frequency: allowanceFrequencySchema,
  /** Maximum claimable amount; null when the active policy confirms no amount, so no claim can be made. */
  amountRupiah: z.number().int().nullable(),
});
export type Allowance = z.infer<typeof allowanceSchema>;

export const claimsViewSchema = z.object({
  claims: z.array(claimSchema),
  allowances: z.array(allowanceSchema),
  approvalWorkingDays: z.number().int().nullable(),
  receiptLimits: z.object({ maxBytes: z.number().int(), maxPerClaim: z.number().int(), mediaTypes: z.array(receiptMediaTypeSchema) }),
  /** When the statuses were last fetched from the central system; null if never. */
  statusFetchedAt: z.number().int().nullable(),
  zone: z.string(),
  /** Today in the policy zone, for the form's default month. */
  today: dateKey,
});
export type ClaimsView = z.infer<typeof claimsViewSchema>;

export const trainingModuleSchema = z.object({
  id: z.string(),
  title: z.string(),
  completedAt: z.number().int().nullable(),
});
export type TrainingModule = z.infer<typeof trainingModuleSchema>;

export const trainingCertificateSchema = z.object({
  id: z.string(),
  title: z.string(),
  issuedAt: z.number().int(),
});
export type TrainingCertificate = z.infer<typeof trainingCertificateSchema>;

export const trainingViewSchema = z.object({
  /** First day of the programme and the last day to be certified; null when the policy sets no programme. */
  programmeStart: dateKey.nullable(),
  deadline: dateKey.nullable(),
  /** Days from today to the deadline in the policy zone; negative once it has passed. */
  daysLeft: z.number().int().nullable(),
  modules: z.array(trainingModuleSchema),
  certificates: z.array(trainingCertificateSchema),
  certified: z.boolean(),
  /** Monthly competency allowance that certification brings; null when the policy confirms none. */
  competencyAllowanceRupiah: z.number().int().nullable(),
  /** The next reminder before the deadline, UTC milliseconds; null when none is due. */
  nextReminderAt: z.number().int().nullable(),
  fetchedAt: z.number().int().nullable(),
  today: dateKey,
});
export type TrainingView = z.infer<typeof trainingViewSchema>;

/**
 * Whole rupiah written the Indonesian way in both languages, "Rp 500.000", as on Indonesian pay slips
 * and receipts. Rupiah amounts here never have a fraction, so the dots cannot be read as decimals.
 */
export function formatRupiah(amount: number): string {
  const digits = String(Math.abs(Math.trunc(amount))).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${amount < 0 ? '-' : ''}Rp ${digits}`;
}
