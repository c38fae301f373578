// Privacy state and the summary of sent data, as the IPC contract carries them.
import { z } from 'zod';

/**
 * Version of the privacy notice text in shared/locales/privacy.ts. Raise it when the notice changes
 * in substance, so that every user is shown the new text once.
 */
export const PRIVACY_NOTICE_VERSION = 1;

export const privacyStateSchema = z.object({
  noticeVersion: z.number().int().positive(),
  /** When the user acknowledged the current notice (UTC ms), or null: the notice is then shown. */
  noticeAcknowledgedAt: z.number().int().nullable(),
  /** Whether the user allowed location; false until they turn it on. */
  locationConsent: z.boolean(),
  locationChangedAt: z.number().int().nullable(),
});
export type PrivacyState = z.infer<typeof privacyStateSchema>;

export const sentDataSummarySchema = z.object({
  kinds: z.array(
    z.object({
      /** Event type as sent, e.g. attendance.check_in. */
      type: z.string(),
      count: z.number().int().nonnegative(),
      firstSentAt: z.number().int(),
      lastSentAt: z.number().int(),
      /** The newest record of this kind exactly as it left the laptop. */
      latestPayloadJson: z.string(),
    }),
  ),
  total: z.number().int().nonnegative(),
});
export type SentDataSummary = z.infer<typeof sentDataSummarySchema>;
