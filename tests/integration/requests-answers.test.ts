// "Terima" and "Selesai" from the click to the reference server: committed locally with the click
// time, queued in the outbox, and delivered with that time even after the laptop was offline.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adminEventsResponseSchema } from '../../shared/central-api';
import { minutes, mondayAt, RequestsWorld } from '../harness/requests-world';

let world: RequestsWorld;

beforeEach(async () => {
  world = new RequestsWorld(mondayAt('10:00'));
  await world.setUp();
});

afterEach(async () => {
  await world.tearDown();
});

async function receivedRequestEvents() {
  const response = await fetch(`${world.central.url}/admin/events`);
  const { events } = adminEventsResponseSchema.parse(await response.json());
  return events.filter((event) => event.stream === 'requests');
}

async function receive(level: 'urgent' | 'emergency', subject: string): Promise<string> {
  const id = await world.post(level, subject);
  await world.companion.requests.pollNow('user');
  return id;
}

describe('acknowledgement offline', () => {
  it('reaches the server with the click time after an outage', async () => {
    const id = await receive('emergency', 'Data kepegawaian');
    await world.companion.flush();
    world.driver.advanceTo(mondayAt('10:10'));
    await world.central.close();

    world.driver.advanceTo(mondayAt('10:12'));
    const acknowledged = world.companion.requests.acknowledge(id);
    const offlineFlush = await world.companion.flush();
    world.driver.advanceTo(mondayAt('10:40'));
    await world.startCentral();
    await world.companion.flush();

    expect(acknowledged.acknowledgedAt).toBe(mondayAt('10:12'));
    expect(offlineFlush.failed).toBe(1);
    const events = await receivedRequestEvents();
    expect(events.map((event) => [event.type, event.occurredAt])).toEqual([['request.acknowledged', mondayAt('10:12')]]);
    expect(events[0]?.payload).toEqual({ requestId: id, level: 'emergency', dueAt: mondayAt('10:30'), acknowledgedAt: mondayAt('10:12') });
  });

  it('shows the acknowledgement as queued, then delivered', async () => {
    const id = await receive('emergency', 'Data kepegawaian');
    await world.central.close();
    const queued = world.companion.requests.acknowledge(id).acknowledgeDelivery;
    await world.companion.flush();
    world.driver.advanceTo(mondayAt('10:20'));
    await world.startCentral();
    await world.companion.flush();

    expect(queued).toBe('queued');
    expect(world.companion.requests.get(id).acknowledgeDelivery).toBe('delivered');
  });

  it('keeps the first click when acknowledged twice', async () => {
    const id = await receive('urgent', 'Revisi anggaran');
    world.clock = mondayAt('10:05');
    world.companion.requests.acknowledge(id);
    world.clock = mondayAt('10:06');
    const again = world.companion.requests.acknowledge(id);
    await world.companion.flush();

    expect(again.acknowledgedAt).toBe(mondayAt('10:05'));
    expect((await receivedRequestEvents()).length).toBe(1);
  });
});

describe('answer', () => {
  it('records the response time against the deadline', async () => {
    const id = await receive('emergency', 'Data kepegawaian');
    world.clock = mondayAt('10:20');
    const answered = world.companion.requests.respond(id, '  Sudah dikirim lewat surel.  ');

    expect(answered.state).toBe('answered');
    expect(answered.responseText).toBe('Sudah dikirim lewat surel.');
    expect(answered.responseTime).toEqual({ allowedMs: minutes(30), acknowledgedAfterMs: minutes(20), answeredAfterMs: minutes(20), onTime: true, overdueByMs: 0 });
  });

  it('marks a late answer and its overrun', async () => {
    const id = await receive('emergency', 'Data kepegawaian');
    world.clock = mondayAt('10:42');
    const answered = world.companion.requests.respond(id, 'Maaf terlambat, sudah dikirim.');

    expect(answered.responseTime.onTime).toBe(false);
    expect(answered.responseTime.overdueByMs).toBe(minutes(12));
  });

  it('sends acknowledgement and answer in order with click times', async () => {
    const id = await receive('urgent', 'Revisi anggaran');
    world.clock = mondayAt('10:05');
    world.companion.requests.acknowledge(id);
    world.clock = mondayAt('11:10');
    world.companion.requests.respond(id, 'Revisi terlampir di surel.');
    await world.companion.flush();

    const events = await receivedRequestEvents();
    expect(events.map((event) => [event.type, event.occurredAt, event.seq])).toEqual([
      ['request.acknowledged', mondayAt('10:05'), 1],
      ['request.answered', mondayAt('11:10'), 2],
    ]);
    expect(events[1]?.payload).toMatchObject({ text: 'Revisi terlampir di surel.', answeredAfterMs: minutes(70), onTime: true });
  });

  it('acknowledges together with an answer given first', async () => {
    const id = await receive('urgent', 'Revisi anggaran');
    world.clock = mondayAt('10:30');
    const answered = world.companion.requests.respond(id, 'Selesai.');

    expect(answered.acknowledgedAt).toBe(mondayAt('10:30'));
  });

  it('rejects a second answer', async () => {
    const id = await receive('urgent', 'Revisi anggaran');
    world.companion.requests.respond(id, 'Selesai.');

    expect(() => world.companion.requests.respond(id, 'Tambahan.')).toThrow('The request "Revisi anggaran" was already answered at 10.00 WIB');
  });

  it('rejects an answer over the limit with its length', async () => {
    const id = await receive('urgent', 'Revisi anggaran');

    expect(() => world.companion.requests.respond(id, 'a'.repeat(512))).toThrow('The answer is too long: 512 characters, the limit is 500. Shorten it by 12 characters');
  });

  it('keeps the request open after a rejected answer', async () => {
    const id = await receive('urgent', 'Revisi anggaran');
    expect(() => world.companion.requests.respond(id, '   ')).toThrow('The answer is empty');

    expect(world.companion.requests.get(id).state).toBe('open');
  });

  it('rejects an unknown id', () => {
    expect(() => world.companion.requests.acknowledge('tidak-ada')).toThrow('There is no request with the id "tidak-ada"');
  });
});
