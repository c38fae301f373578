// The user's declarations of the workstation standards the companion cannot measure: a dedicated
// workspace, an alternative internet connection, and working on an agency device. Each is stored
// with its date and copied into every snapshot as "declared", so no one mistakes it for a measurement.
import { z } from 'zod';
import { attestationSchema, type Attestation, type AttestationKind } from '../../../shared/domain';
import type { Database } from '../storage/database';

const SETTING = 'attestations';

export class AttestationRepository {
  constructor(private readonly db: Database) {}

  /** The latest declaration of each kind, in a fixed order; kinds never declared are left out. */
  list(): Attestation[] {
    const value = this.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(SETTING) as string | undefined;
    if (value === undefined) return [];

    const parsed = z.array(attestationSchema).safeParse(JSON.parse(value));
    // An unreadable row is treated as no declaration: the user is asked again rather than shown a wrong one.
    return parsed.success ? parsed.data : [];
  }

  /** Records (or replaces) the declaration of one kind. `declaredOn` is the day in the policy zone. */
  declare(kind: AttestationKind, holds: boolean, declaredOn: string, declaredAt: number): Attestation[] {
    const declaration = attestationSchema.parse({ kind, holds, declaredOn, declaredAt, basis: 'declared' });
    const order: AttestationKind[] = ['dedicated-workspace', 'alternative-internet', 'agency-device'];
    const next = [...this.list().filter((item) => item.kind !== kind), declaration].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));

    this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(SETTING, JSON.stringify(next));
    return next;
  }
}
