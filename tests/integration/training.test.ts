// Training status through the real stack: the reference server's admin endpoint sets a device's
// modules and certificates, the companion fetches them with conditional GETs and arms its reminders.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CentralServer } from '../../central/server';
import type { Companion } from '../../electron/core/companion';
import { createLogger, silentSink } from '../../electron/core/logger';
import type { Reminder } from '../../electron/core/scheduler/reminders';
import type { ScheduleDriver } from '../../electron/core/scheduler/scheduler';
import { TrainingService } from '../../electron/core/training/service';
import { openEnrolledCompanion, type EnrolledCompanion } from '../harness/enrolled-companion';

// Monday 2026-06-01, 07:00 WIB.
const START = Date.parse('2026-06-01T00:00:00Z');

let world: EnrolledCompanion;
let central: CentralServer;
let companion: Companion;
let clock: number;
let statuses: number[];

beforeEach(async () => {
  clock = START;
  world = await openEnrolledCompanion({ now: () => clock });
  ({ central, companion, statuses } = world);
});

afterEach(async () => {
  await world.close();
});

async function setRecord(record: { modules: unknown[]; certificates: unknown[] }): Promise<number> {
  const deviceId = companion.enrollment.current()!.deviceId;
  const response = await fetch(`${central.url}/admin/training`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ deviceId, ...record }),
  });
  return response.status;
}

const moduleDone = { id: 'm1', title: 'Keamanan siber dasar', completedAt: Date.parse('2026-02-10T03:00:00Z') };
const moduleOpen = { id: 'm2', title: 'Tata kelola data', completedAt: null };
const certificate = { id: 'c1', title: 'Literasi Digital ASN', issuedAt: Date.parse('2026-05-20T03:00:00Z') };

describe('training record', () => {
  it('shows the deadline before any fetch', () => {
    const view = companion.training.view();
    expect(view.deadline).toBe('2026-06-30');
    expect(view.daysLeft).toBe(29);
    expect(view.fetchedAt).toBeNull();
  });

  it('fetches modules from the server', async () => {
    expect(await setRecord({ modules: [moduleDone, moduleOpen], certificates: [] })).toBe(200);
    await companion.training.refresh();
    const view = companion.training.view();
    expect(view.modules.map((module) => module.id)).toEqual(['m1', 'm2']);
    expect(view.certified).toBe(false);
  });

  it('marks certification with its allowance', async () => {
    await setRecord({ modules: [moduleDone], certificates: [certificate] });
    await companion.training.refresh();
    const view = companion.training.view();
    expect(view.certified).toBe(true);
    expect(view.competencyAllowanceRupiah).toBe(300_000);
    expect(view.nextReminderAt).toBeNull();
  });

  it('gets 304 for an unchanged record', async () => {
    await setRecord({ modules: [moduleDone], certificates: [] });
    await companion.training.refresh();
    clock += 60_000;
    await companion.training.refresh();
    expect(statuses.slice(-2)).toEqual([200, 304]);
    expect(companion.training.view().fetchedAt).toBe(clock);
    expect(companion.training.view().modules).toHaveLength(1);
  });

  it('rejects a record for an unknown device', async () => {
    const response = await fetch(`${central.url}/admin/training`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ deviceId: 'no-such-device', modules: [], certificates: [] }),
    });
    expect(response.status).toBe(404);
  });

  it('returns a localized error when the server is down', async () => {
    await central.close();
    await expect(companion.training.refresh()).rejects.toMatchObject({ code: 'central_fetch_failed' });
  });
});

describe('training reminders', () => {
  function service(driver: ScheduleDriver, delivered: Reminder[]) {
    return new TrainingService({
      db: companion.db,
      policy: () => companion.policies.active(),
      now: () => clock,
      logger: createLogger(silentSink),
      client: () => companion.enrollment.client(),
      deliver: (reminder) => delivered.push(reminder),
      driver,
    });
  }

  it('arms the next lead time and then the one after', () => {
    const armed: { at: number; fire: () => void }[] = [];
    const delivered: Reminder[] = [];
    const training = service({ at: (at, fire) => (armed.push({ at, fire }), { cancel: () => {} }) }, delivered);

    training.schedule('test');
    expect(armed.map((job) => job.at)).toEqual([Date.parse('2026-06-16T02:00:00Z')]);

    clock = armed[0]!.at;
    armed[0]!.fire();
    expect(delivered.map((reminder) => reminder.kind)).toEqual(['training-deadline']);
    expect(armed[1]!.at).toBe(Date.parse('2026-06-23T02:00:00Z'));
  });

  it('arms nothing once certified', async () => {
    await setRecord({ modules: [moduleDone], certificates: [certificate] });
    await companion.training.refresh();
    const armed: number[] = [];
    service({ at: (at) => (armed.push(at), { cancel: () => {} }) }, []).schedule('test');
    expect(armed).toEqual([]);
  });
});
