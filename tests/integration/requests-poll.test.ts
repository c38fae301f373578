// The cost of polling for urgent requests: an idle poll is one conditional GET answered with 304 and
// no write to the device's database; a poll that finds a new request stores it before it alerts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mondayAt, RequestsWorld } from '../harness/requests-world';

let world: RequestsWorld;

beforeEach(async () => {
  world = new RequestsWorld(mondayAt('10:00'));
  await world.setUp();
});

afterEach(async () => {
  await world.tearDown();
});

function totalChanges(): number {
  return world.companion.db.prepare('SELECT total_changes()').pluck().get() as number;
}

describe('idle poll', () => {
  it('costs one 304 request and no database write', async () => {
    await world.post('urgent', 'Revisi anggaran');
    await world.companion.requests.pollNow('user');
    const pollsBefore = world.requestPolls().length;
    const changesBefore = totalChanges();

    const outcome = await world.companion.requests.pollNow('interval');

    expect(outcome).toEqual({ status: 'unchanged' });
    expect(world.requestPolls().slice(pollsBefore).map((line) => line.split(' ')[2])).toEqual(['304']);
    expect(totalChanges()).toBe(changesBefore);
  });

  it('costs no write with no request at all', async () => {
    await world.companion.requests.pollNow('user');
    const changesBefore = totalChanges();
    await world.companion.requests.pollNow('interval');

    expect(totalChanges()).toBe(changesBefore);
  });
});

describe('background poll', () => {
  it('skips the request while not checked in', async () => {
    world.companion.checkOut();
    const pollsBefore = world.requestPolls().length;
    const outcome = await world.companion.requests.pollNow('interval');

    expect(outcome).toEqual({ status: 'skipped', reason: 'not_checked_in' });
    expect(world.requestPolls().length).toBe(pollsBefore);
  });

  it('polls on resume while checked out', async () => {
    world.companion.checkOut();
    await world.post('emergency', 'Gangguan layanan');
    const outcome = await world.companion.requests.pollNow('resume');

    expect(outcome.status).toBe('updated');
  });

  it('reports an unreachable server and recovers', async () => {
    await world.central.close();
    const offline = await world.companion.requests.pollNow('online');
    await world.startCentral();
    await world.post('emergency', 'Gangguan layanan');
    const online = await world.companion.requests.pollNow('online');

    expect(offline.status).toBe('failed');
    expect(online.status).toBe('updated');
    expect(world.companion.requests.list().poll.lastError).toBeNull();
  });
});

describe('stored before shown', () => {
  it('commits the request before the alert listener runs', async () => {
    await world.post('emergency', 'Gangguan layanan');
    const seen: number[] = [];
    world.companion.requests.onAlert((alert) => seen.push(world.companion.requests.get(alert.requestId).receivedAt));
    await world.companion.requests.pollNow('user');

    expect(seen).toEqual([mondayAt('10:00')]);
  });
});
