// SQL of urgent requests on the device (migration 0004): the requests themselves, the alerts already
// decided, and the ETag of the last list received. Callers hold the write transaction.
import type { Statement } from 'better-sqlite3';
import type { UrgentRequest } from '../../../shared/central-api';
import type { RequestLevel } from '../../../shared/requests';
import type { Database } from '../storage/database';

export interface StoredRequest {
  id: string;
  level: RequestLevel;
  sender: string;
  subject: string;
  body: string;
  sentAt: number;
  receivedAt: number;
  dueAt: number;
  acknowledgedAt: number | null;
  acknowledgeEventId: string | null;
  answeredAt: number | null;
  responseText: string | null;
  answerEventId: string | null;
}

export type AlertOutcome = 'shown' | 'skipped';

const ETAG_SETTING = 'requests.etag';

const COLUMNS = `id, level, sender, subject, body, sent_at AS sentAt, received_at AS receivedAt, due_at AS dueAt,
  acknowledged_at AS acknowledgedAt, acknowledge_event_id AS acknowledgeEventId, answered_at AS answeredAt,
  response_text AS responseText, answer_event_id AS answerEventId`;

export class RequestsRepository {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Database) {}

  private prepare(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  all(): StoredRequest[] {
    return this.prepare(`SELECT ${COLUMNS} FROM urgent_requests ORDER BY sent_at, id`).all() as StoredRequest[];
  }

  /** Requests not yet answered, earliest deadline first: the only ones that can still alert. */
  unanswered(): StoredRequest[] {
    return this.prepare(`SELECT ${COLUMNS} FROM urgent_requests WHERE answered_at IS NULL ORDER BY due_at, id`).all() as StoredRequest[];
  }

  get(id: string): StoredRequest | null {
    return (this.prepare(`SELECT ${COLUMNS} FROM urgent_requests WHERE id = ?`).get(id) as StoredRequest | undefined) ?? null;
  }

  knownIds(): Set<string> {
    return new Set(this.prepare('SELECT id FROM urgent_requests').pluck().all() as string[]);
  }

  /** Stores a request received now; a request already stored is left as it is. Returns whether it was new. */
  insert(request: UrgentRequest, receivedAt: number): boolean {
    const result = this.prepare(
      `INSERT INTO urgent_requests (id, level, sender, subject, body, sent_at, received_at, due_at)
       VALUES (@id, @level, @sender, @subject, @body, @createdAt, @receivedAt, @dueAt)
       ON CONFLICT (id) DO NOTHING`,
    ).run({ ...request, receivedAt });
    return result.changes > 0;
  }

  recordAcknowledgement(id: string, at: number, eventId: string): void {
    this.prepare('UPDATE urgent_requests SET acknowledged_at = ?, acknowledge_event_id = ? WHERE id = ?').run(at, eventId, id);
  }

  recordAnswer(id: string, at: number, text: string, eventId: string): void {
    this.prepare('UPDATE urgent_requests SET answered_at = ?, response_text = ?, answer_event_id = ? WHERE id = ?').run(at, text, eventId, id);
  }

  /** Alert keys already decided for a request ('new', 'reminder:0.5', 'overdue'). */
  decidedAlerts(requestId: string): Set<string> {
    return new Set(this.prepare('SELECT alert_key FROM request_alerts WHERE request_id = ?').pluck().all(requestId) as string[]);
  }

  recordAlert(requestId: string, key: string, plannedAt: number, outcome: AlertOutcome, decidedAt: number): void {
    this.prepare(
      `INSERT INTO request_alerts (request_id, alert_key, planned_at, outcome, decided_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (request_id, alert_key) DO NOTHING`,
    ).run(requestId, key, plannedAt, outcome, decidedAt);
  }

  etag(): string | null {
    return (this.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(ETAG_SETTING) as string | undefined) ?? null;
  }

  saveEtag(etag: string | null): void {
    if (etag === null) {
      this.prepare('DELETE FROM settings WHERE key = ?').run(ETAG_SETTING);
      return;
    }
    this.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(ETAG_SETTING, etag);
  }
}
