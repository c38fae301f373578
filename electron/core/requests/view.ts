// Builds what the page, the tray and the CLI show of a request: its state at this moment, how fast it
// was handled against the deadline, and whether the clicks have reached the central system.
import type { OutboxState } from '../../../shared/domain';
import type { RequestDelivery, RequestsSummary, RequestState, ResponseTime, UrgentRequestView } from '../../../shared/requests';
import type { StoredRequest } from './repository';

/** Overdue wins over acknowledged: an acknowledged request past its deadline still needs an answer. */
export function requestState(request: StoredRequest, now: number): RequestState {
  if (request.answeredAt !== null) return 'answered';
  if (now >= request.dueAt) return 'overdue';
  return request.acknowledgedAt !== null ? 'acknowledged' : 'open';
}

export function responseTime(request: StoredRequest, now: number): ResponseTime {
  const answeredAt = request.answeredAt;
  const end = answeredAt ?? now;
  return {
    allowedMs: request.dueAt - request.sentAt,
    acknowledgedAfterMs: request.acknowledgedAt === null ? null : request.acknowledgedAt - request.sentAt,
    answeredAfterMs: answeredAt === null ? null : answeredAt - request.sentAt,
    onTime: answeredAt === null ? null : answeredAt <= request.dueAt,
    overdueByMs: Math.max(0, end - request.dueAt),
  };
}

/** Delivery of an outbox event by its state; null means there is no event (no click yet). */
export function deliveryOf(eventState: OutboxState | null): RequestDelivery {
  if (eventState === null) return 'none';
  if (eventState === 'sent') return 'delivered';
  if (eventState === 'dead') return 'failed';
  return 'queued';
}

export function toView(
  request: StoredRequest,
  now: number,
  context: { nextAlertAt: number | null; acknowledgeDelivery: RequestDelivery; answerDelivery: RequestDelivery },
): UrgentRequestView {
  return {
    id: request.id,
    level: request.level,
    sender: request.sender,
    subject: request.subject,
    body: request.body,
    sentAt: request.sentAt,
    receivedAt: request.receivedAt,
    dueAt: request.dueAt,
    state: requestState(request, now),
    acknowledgedAt: request.acknowledgedAt,
    answeredAt: request.answeredAt,
    responseText: request.responseText,
    responseTime: responseTime(request, now),
    acknowledgeDelivery: context.acknowledgeDelivery,
    answerDelivery: context.answerDelivery,
    nextAlertAt: context.nextAlertAt,
  };
}

/** Unanswered first, earliest deadline first; then answered ones, latest answer first. */
export function sortForList(views: UrgentRequestView[]): UrgentRequestView[] {
  const unanswered = views.filter((view) => view.answeredAt === null).sort((a, b) => a.dueAt - b.dueAt || a.id.localeCompare(b.id));
  const answered = views.filter((view) => view.answeredAt !== null).sort((a, b) => (b.answeredAt ?? 0) - (a.answeredAt ?? 0));
  return [...unanswered, ...answered];
}

export function summarize(requests: readonly StoredRequest[], now: number): RequestsSummary {
  const summary: RequestsSummary = { open: 0, acknowledged: 0, overdue: 0, answered: 0, unanswered: 0, emergencyUnanswered: 0 };
  for (const request of requests) {
    const state = requestState(request, now);
    summary[state] += 1;
    if (state !== 'answered') {
      summary.unanswered += 1;
      if (request.level === 'emergency') summary.emergencyUnanswered += 1;
    }
  }
  return summary;
}
