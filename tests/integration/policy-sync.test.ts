// The policy the central system assigns reaches the device: fetched with its ETag, installed when it
// changed, ignored when it fails validation. Real database, real reference server on 127.0.0.1.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Companion } from '../../electron/core/companion';
import { POLICY_SYNC_INTERVAL_MS } from '../../electron/core/central/policy-sync';
import { articleProfile } from '../../electron/core/policy/profiles';
import { MemorySecretStore } from '../../electron/core/secrets/secret-store';
import type { PolicyDocument } from '../../shared/central-api';
import { openEnrolledCompanion, type EnrolledCompanion } from '../harness/enrolled-companion';

const START = Date.parse('2026-03-02T01:00:00Z');

let clock: number;
let world: EnrolledCompanion | null;

beforeEach(() => {
  clock = START;
  world = null;
});

afterEach(async () => {
  await world?.close();
});

async function enrolledCompanion(policy: PolicyDocument | null): Promise<Companion> {
  world = await openEnrolledCompanion({ now: () => clock, policy });
  return world.companion;
}

const assigned: PolicyDocument = {
  id: articleProfile.id,
  version: '2026.2-agency',
  profile: { ...articleProfile, version: '2026.2-agency', worktime: { ...articleProfile.worktime, weeklyCapMinutes: 2250 } },
};

describe('policy sync', () => {
  it('installs an assigned policy on flush', async () => {
    const device = await enrolledCompanion(assigned);
    expect(device.policies.active().version).toBe(articleProfile.version);

    await device.flush();

    expect(device.policies.active().version).toBe('2026.2-agency');
    expect(device.policies.active().worktime.weeklyCapMinutes).toBe(2250);
  });

  it('sends the ETag and writes nothing when unchanged', async () => {
    const device = await enrolledCompanion(assigned);
    expect(await device.policySync.sync()).toBe('updated');
    const changesBefore = device.db.prepare('SELECT total_changes()').pluck().get() as number;

    expect(await device.policySync.sync()).toBe('unchanged');

    const changesAfter = device.db.prepare('SELECT total_changes()').pluck().get() as number;
    expect(changesAfter).toBe(changesBefore);
  });

  it('keeps the installed policy when the assigned one is invalid', async () => {
    const broken: PolicyDocument = { id: 'broken', version: '1', profile: { id: 'broken', worktime: { weeklyCapMinutes: -5 } } };
    const device = await enrolledCompanion(broken);

    expect(await device.policySync.sync()).toBe('invalid');

    expect(device.policies.active().id).toBe(articleProfile.id);
    expect(device.policies.active().version).toBe(articleProfile.version);
  });

  it('reports a server without a policy as none', async () => {
    const device = await enrolledCompanion(null);
    expect(await device.policySync.sync()).toBe('none');
  });

  it('checks again only after the interval', async () => {
    const device = await enrolledCompanion(assigned);
    expect(await device.policySync.syncIfDue()).toBe('updated');

    clock += POLICY_SYNC_INTERVAL_MS - 1;
    expect(await device.policySync.syncIfDue()).toBe('not_due');

    clock += 1;
    expect(await device.policySync.syncIfDue()).toBe('unchanged');
  });

  it('skips the check before enrollment', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'asn-policy-sync-'));
    const companion = await Companion.open({ dataDir, now: () => clock, secretStore: new MemorySecretStore() });
    try {
      expect(await companion.policySync.sync()).toBe('not_enrolled');
    } finally {
      companion.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
