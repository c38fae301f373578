// The alert plan of a request as pure functions of the request, the policy and the clock.
import { describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../electron/core/policy/calendar';
import { articleProfile } from '../../electron/core/policy/profiles';
import { policySchema, type Policy } from '../../electron/core/policy/schema';
import { alertPlan, decideAlerts, nextWindowMoment } from '../../electron/core/requests/alert-plan';
import { requestsHandlingDefaults } from '../../electron/core/requests/policy-schema';

const at = (text: string) => Date.parse(`${text}+07:00`);
const calendar = new WorkCalendar(articleProfile);

function withOutsideWindow(urgent: 'wait' | 'alert'): Policy {
  const handling = { ...articleProfile.requests.handling, outsideWindow: { urgent, emergency: 'alert' as const } };
  return { ...articleProfile, requests: { ...articleProfile.requests, handling } };
}

describe('alertPlan', () => {
  it('plans new, reminders and overdue', () => {
    const plan = alertPlan({ sentAt: at('2026-04-06T10:00'), receivedAt: at('2026-04-06T10:00'), dueAt: at('2026-04-06T10:30') }, [0.9, 0.5]);

    expect(plan.map((alert) => [alert.key, alert.at])).toEqual([
      ['new', at('2026-04-06T10:00')],
      ['reminder:0.5', at('2026-04-06T10:15')],
      ['reminder:0.9', at('2026-04-06T10:27')],
      ['overdue', at('2026-04-06T10:30')],
    ]);
  });

  it('places a late receipt after earlier reminders', () => {
    const plan = alertPlan({ sentAt: at('2026-04-06T10:00'), receivedAt: at('2026-04-06T10:20'), dueAt: at('2026-04-06T10:30') }, [0.5]);

    expect(plan.map((alert) => alert.key)).toEqual(['reminder:0.5', 'new', 'overdue']);
  });
});

describe('decideAlerts', () => {
  const request = { level: 'emergency' as const, sentAt: at('2026-04-06T10:00'), receivedAt: at('2026-04-06T10:00'), dueAt: at('2026-04-06T10:30') };

  it('raises only the latest due alert', () => {
    const decision = decideAlerts(request, new Set(['new']), at('2026-04-06T10:28'), articleProfile, calendar);

    expect(decision.raise?.key).toBe('reminder:0.9');
    expect(decision.skip.map((alert) => alert.key)).toEqual(['reminder:0.5']);
  });

  it('names the next alert', () => {
    const decision = decideAlerts(request, new Set(['new']), at('2026-04-06T10:01'), articleProfile, calendar);

    expect(decision.nextAt).toBe(at('2026-04-06T10:15'));
  });

  it('raises nothing decided before', () => {
    const decision = decideAlerts(request, new Set(['new', 'reminder:0.5', 'reminder:0.9', 'overdue']), at('2026-04-06T11:00'), articleProfile, calendar);

    expect(decision.raise).toBeNull();
  });

  it('alerts an urgent request at night when the policy says so', () => {
    const urgent = { ...request, level: 'urgent' as const, sentAt: at('2026-04-06T20:00'), receivedAt: at('2026-04-06T20:00'), dueAt: at('2026-04-06T22:00') };
    const decision = decideAlerts(urgent, new Set(), at('2026-04-06T20:00'), withOutsideWindow('alert'), calendar);

    expect(decision.raise?.key).toBe('new');
  });
});

describe('nextWindowMoment', () => {
  it('keeps a moment inside the window', () => {
    expect(nextWindowMoment(at('2026-04-06T11:00'), articleProfile, calendar)).toBe(at('2026-04-06T11:00'));
  });

  it('moves Friday evening to Monday 08.00', () => {
    expect(nextWindowMoment(at('2026-04-10T17:00'), articleProfile, calendar)).toBe(at('2026-04-13T08:00'));
  });

  it('skips the Good Friday holiday', () => {
    expect(nextWindowMoment(at('2026-04-02T17:00'), articleProfile, calendar)).toBe(at('2026-04-06T08:00'));
  });
});

describe('requests policy', () => {
  it('loads an older profile with the handling defaults', () => {
    const { handling: _handling, ...requests } = articleProfile.requests;
    const parsed = policySchema.parse({ ...articleProfile, requests });

    expect(parsed.requests.handling).toEqual(requestsHandlingDefaults);
  });

  it('rejects a reminder at the deadline itself', () => {
    const handling = { ...requestsHandlingDefaults, reminderFractions: [1] };
    const result = policySchema.safeParse({ ...articleProfile, requests: { ...articleProfile.requests, handling } });

    expect(result.success).toBe(false);
  });
});
