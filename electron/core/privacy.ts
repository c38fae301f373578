// The privacy state of this device: whether the user has read the current privacy notice, whether
// they allowed location, and what has left the laptop so far. The choices live in the settings
// table; the record of what was sent is the outbox itself, so the two can never disagree.
import type { PrivacyState, SentDataSummary } from '../../shared/privacy';
import { PRIVACY_NOTICE_VERSION } from '../../shared/privacy';
import { writeTransaction, type Database } from './storage/database';

const NOTICE_KEY = 'privacy.notice';
const LOCATION_KEY = 'privacy.location';

interface StoredChoice {
  version?: number;
  enabled?: boolean;
  at: number;
}

export class PrivacyService {
  constructor(
    private readonly db: Database,
    private readonly now: () => number,
  ) {}

  private read(key: string): StoredChoice | null {
    const value = this.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
    if (value === undefined) return null;
    try {
      return JSON.parse(value) as StoredChoice;
    } catch {
      // A damaged value counts as "never chosen": the notice shows again and location stays off.
      return null;
    }
  }

  private write(key: string, choice: StoredChoice): void {
    writeTransaction(this.db, () => {
      this.db
        .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
        .run(key, JSON.stringify(choice));
    });
  }

  /** Returns the notice and location choices; an acknowledgement of an older notice does not count. */
  state(): PrivacyState {
    const notice = this.read(NOTICE_KEY);
    const location = this.read(LOCATION_KEY);
    const current = notice !== null && notice.version === PRIVACY_NOTICE_VERSION;
    return {
      noticeVersion: PRIVACY_NOTICE_VERSION,
      noticeAcknowledgedAt: current ? notice.at : null,
      locationConsent: location?.enabled === true,
      locationChangedAt: location?.at ?? null,
    };
  }

  /** Records that the user read the current notice. */
  acknowledgeNotice(): PrivacyState {
    this.write(NOTICE_KEY, { version: PRIVACY_NOTICE_VERSION, at: this.now() });
    return this.state();
  }

  /** Records the user's location choice; it is off until they turn it on here. */
  setLocationConsent(enabled: boolean): PrivacyState {
    this.write(LOCATION_KEY, { enabled, at: this.now() });
    return this.state();
  }

  /** Summarises what the central system received, per kind of record, with the newest record of each. */
  sentData(): SentDataSummary {
    const kinds = this.db
      .prepare(
        `SELECT type, COUNT(*) AS count, MIN(sent_at) AS firstSentAt, MAX(sent_at) AS lastSentAt
           FROM outbox_events WHERE state = 'sent' GROUP BY type ORDER BY type`,
      )
      .all() as Array<{ type: string; count: number; firstSentAt: number; lastSentAt: number }>;
    const latest = this.db.prepare(
      `SELECT payload_json FROM outbox_events WHERE state = 'sent' AND type = ? ORDER BY sent_at DESC, rowid DESC LIMIT 1`,
    ).pluck();

    return {
      kinds: kinds.map((kind) => ({ ...kind, latestPayloadJson: latest.get(kind.type) as string })),
      total: kinds.reduce((sum, kind) => sum + kind.count, 0),
    };
  }
}
