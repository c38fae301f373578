// Policy settings of urgent-request handling: how often the device asks for new requests, when it
// reminds, what happens outside the working window and how long an answer may be. The deadlines
// themselves (urgentResponseMinutes, emergencyResponseMinutes) sit beside these in policy.requests.
import { z } from 'zod';

export const requestsHandlingSchema = z.object({
  /** Period of the background poll while checked in; each wait is jittered by ± pollJitterPercent. */
  pollSeconds: z.number().int().min(15).max(3600),
  pollJitterPercent: z.number().int().min(0).max(50),
  /** Reminders at these shares of the deadline (from the moment the request was sent), e.g. 0.5 and 0.9. */
  reminderFractions: z.array(z.number().gt(0).lt(1)).max(5),
  /** Outside the working window (or on a day off) "wait" holds alerts until the window opens; "alert" raises them at once. */
  outsideWindow: z.object({
    urgent: z.enum(['wait', 'alert']),
    emergency: z.enum(['wait', 'alert']),
  }),
  /** Maximum length of a response text, in characters. */
  maxResponseLength: z.number().int().min(20).max(10_000),
});
export type RequestsHandlingPolicy = z.infer<typeof requestsHandlingSchema>;

// Product values; the article sets only the two deadlines. A 60-second poll keeps an emergency's
// 30 minutes almost whole; 20 % jitter spreads an agency's devices; reminders at half and at nine
// tenths of the deadline leave time to act; 500 characters fit a short "done, see the e-mail" answer.
export const requestsHandlingDefaults: RequestsHandlingPolicy = {
  pollSeconds: 60,
  pollJitterPercent: 20,
  reminderFractions: [0.5, 0.9],
  outsideWindow: { urgent: 'wait', emergency: 'alert' },
  maxResponseLength: 500,
};
