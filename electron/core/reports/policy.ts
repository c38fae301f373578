// The policy's `reports` section: attachment size limit and the output targets the agency assigns.
// Imported by policy/schema.ts; kept here so the reports feature owns its settings.
import { z } from 'zod';
import { targetPeriodSchema } from '../../../shared/reports';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');

/**
 * An output target set centrally; the app shows it read-only with source "policy". Targets arrive
 * with the policy that central/policy-sync.ts installs from GET /v1/policy.
 */
const policyTargetSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be 1 to 64 letters, digits, dots, underscores or hyphens'),
  title: z.string().min(1).max(200),
  period: targetPeriodSchema,
  periodStart: isoDate,
  quantity: z.number().int().positive(),
  unit: z.string().min(1).max(40),
  deadline: isoDate,
});
export type PolicyTarget = z.infer<typeof policyTargetSchema>;

export const reportsPolicySchema = z.object({
  /** Largest file a report may reference, in bytes; only its name, hash and size travel. */
  maxAttachmentBytes: z.number().int().positive(),
  targets: z.array(policyTargetSchema).max(200),
});
export type ReportsPolicy = z.infer<typeof reportsPolicySchema>;

export const reportsPolicyDefaults: ReportsPolicy = {
  maxAttachmentBytes: 10 * 1024 * 1024,
  targets: [],
};
