// Device keys and last-seen times of the reference server, kept beside the devices table, and the
// reads the helpdesk page needs. One HelpdeskStore per CentralStore, created on first use.
import type BetterSqlite3 from 'better-sqlite3';
import type { CentralStore } from './store';

const SCHEMA = `
  -- The Ed25519 public key (SPKI DER, base64) each device signs its compliance snapshots with.
  CREATE TABLE IF NOT EXISTS device_keys (
    device_id TEXT PRIMARY KEY REFERENCES devices (id),
    public_key TEXT NOT NULL,
    registered_at INTEGER NOT NULL
  );

  -- Time of each device's last authenticated request.
  CREATE TABLE IF NOT EXISTS device_seen (
    device_id TEXT PRIMARY KEY REFERENCES devices (id),
    last_seen_at INTEGER NOT NULL
  );
`;

export interface HelpdeskDeviceRow {
  deviceId: string;
  deviceName: string | null;
  enrolledAt: number;
  lastSeenAt: number | null;
  publicKey: string | null;
}

export class HelpdeskStore {
  private readonly statements;

  constructor(db: BetterSqlite3.Database) {
    db.exec(SCHEMA);
    this.statements = {
      registerKey: db.prepare(
        `INSERT INTO device_keys (device_id, public_key, registered_at) VALUES (?, ?, ?)
         ON CONFLICT (device_id) DO UPDATE SET public_key = excluded.public_key, registered_at = excluded.registered_at`,
      ),
      markSeen: db.prepare(
        `INSERT INTO device_seen (device_id, last_seen_at) VALUES (?, ?)
         ON CONFLICT (device_id) DO UPDATE SET last_seen_at = MAX(last_seen_at, excluded.last_seen_at)`,
      ),
      devices: db.prepare(
        `SELECT d.id AS deviceId, d.device_name AS deviceName, d.enrolled_at AS enrolledAt,
                s.last_seen_at AS lastSeenAt, k.public_key AS publicKey
         FROM devices AS d
         LEFT JOIN device_keys AS k ON k.device_id = d.id
         LEFT JOIN device_seen AS s ON s.device_id = d.id
         ORDER BY d.enrolled_at, d.id`,
      ),
      latestSnapshot: db
        .prepare(
          `SELECT payload_json FROM events WHERE device_id = ? AND type = 'compliance.snapshot'
           ORDER BY occurred_at DESC, receipt_order DESC LIMIT 1`,
        )
        .pluck(),
    };
  }

  /** Stores the device's public key, replacing the one registered before. */
  registerKey(deviceId: string, publicKey: string, at: number): void {
    this.statements.registerKey.run(deviceId, publicKey, at);
  }

  markSeen(deviceId: string, at: number): void {
    this.statements.markSeen.run(deviceId, at);
  }

  /** Lists every enrolled device, oldest enrollment first. */
  devices(): HelpdeskDeviceRow[] {
    return this.statements.devices.all() as HelpdeskDeviceRow[];
  }

  /** Returns the payload JSON of the device's newest snapshot by creation time, or null when it sent none. */
  latestSnapshotPayload(deviceId: string): string | null {
    return (this.statements.latestSnapshot.get(deviceId) as string | undefined) ?? null;
  }
}

const stores = new WeakMap<CentralStore, HelpdeskStore>();

/** Returns the HelpdeskStore of this server's database, creating its tables on first use. */
export function helpdeskStore(store: CentralStore): HelpdeskStore {
  let helpdesk = stores.get(store);
  if (!helpdesk) {
    helpdesk = new HelpdeskStore(store.database);
    stores.set(store, helpdesk);
  }
  return helpdesk;
}
