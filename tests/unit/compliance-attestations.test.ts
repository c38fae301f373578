import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { complianceSnapshotSchema } from '../../shared/domain';
import { AttestationRepository } from '../../electron/core/compliance/attestations';
import { runCompliance } from '../../electron/core/compliance/runner';
import { createLogger, silentSink } from '../../electron/core/logger';
import { articleProfile } from '../../electron/core/policy/profiles';
import { openDatabase, type Database } from '../../electron/core/storage/database';

describe('attestations', () => {
  let folder: string;
  let db: Database;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'asnc-attest-'));
    db = openDatabase(folder);
  });

  afterEach(() => {
    db.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('keeps the latest declaration of each kind with its date', () => {
    const repository = new AttestationRepository(db);

    repository.declare('agency-device', true, '2026-12-03', 1);
    repository.declare('dedicated-workspace', true, '2026-12-03', 2);
    const declared = repository.declare('agency-device', false, '2026-12-04', 3);

    expect(declared.map((item) => [item.kind, item.holds, item.declaredOn])).toEqual([
      ['dedicated-workspace', true, '2026-12-03'],
      ['agency-device', false, '2026-12-04'],
    ]);
    expect(new AttestationRepository(db).list()).toEqual(declared);
  });

  it('rejects a declaration without a proper date', () => {
    expect(() => new AttestationRepository(db).declare('alternative-internet', true, '4/12/2026', 1)).toThrow();
  });

  it('marks declarations in the snapshot as declared, apart from the measured checks', async () => {
    const attestations = new AttestationRepository(db).declare('alternative-internet', true, '2026-12-04', 5);

    const snapshot = await runCompliance({
      policy: articleProfile,
      speedEndpoint: null,
      skipSpeed: true,
      now: Date.now,
      logger: createLogger(silentSink),
      attestations,
    });

    expect(complianceSnapshotSchema.parse(snapshot).attestations).toEqual([
      { kind: 'alternative-internet', holds: true, declaredOn: '2026-12-04', declaredAt: 5, basis: 'declared' },
    ]);
    expect(snapshot.checks.map((check) => check.check)).toEqual(['speed', 'vpn', 'power']);
  });
});
