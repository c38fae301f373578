// Alert timing of urgent requests end to end. The reference server on 127.0.0.1 stores a request and
// the companion polls it into SQLite. Its real alert scheduler then raises alerts on a controlled
// clock; only the timer driver is replaced, by one the test advances.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Companion } from '../../electron/core/companion';
import { silentSink } from '../../electron/core/logger';
import { minutes, mondayAt, RequestsWorld } from '../harness/requests-world';

let world: RequestsWorld;

beforeEach(async () => {
  world = new RequestsWorld(mondayAt('10:00'));
  await world.setUp();
});

afterEach(async () => {
  await world.tearDown();
});

function fired(): string[] {
  return world.alerts.map((alert) => `${alert.kind}${alert.fraction === null ? '' : `:${alert.fraction}`}@${new Date(alert.firedAt).toISOString()}`);
}

describe('emergency request alerts', () => {
  it('alerts at once, reminds at 10:15 and 10:27, overdue at 10:30', async () => {
    const id = await world.post('emergency', 'Data kepegawaian untuk rapat pimpinan');
    await world.companion.requests.pollNow('user');
    world.driver.advanceTo(mondayAt('10:45'));

    expect(fired()).toEqual([
      `new@${new Date(mondayAt('10:00')).toISOString()}`,
      `reminder:0.5@${new Date(mondayAt('10:15')).toISOString()}`,
      `reminder:0.9@${new Date(mondayAt('10:27')).toISOString()}`,
      `overdue@${new Date(mondayAt('10:30')).toISOString()}`,
    ]);
    expect(world.alerts.every((alert) => alert.requestId === id)).toBe(true);
    expect(world.companion.requests.get(id).state).toBe('overdue');
  });

  it('sets the deadline 30 minutes after sending', async () => {
    const id = await world.post('emergency', 'Konfirmasi kehadiran');
    await world.companion.requests.pollNow('user');

    expect(world.companion.requests.get(id).dueAt).toBe(mondayAt('10:30'));
  });

  it('writes the notification texts in both languages', async () => {
    await world.post('emergency', 'Konfirmasi kehadiran');
    await world.companion.requests.pollNow('user');
    world.driver.advanceTo(mondayAt('10:15'));

    expect(world.alerts[1]?.body).toEqual({
      id: 'Kepala Bidang Perencanaan: Konfirmasi kehadiran. Sisa waktu 15 menit (tenggat 10.30 WIB).',
      en: 'Kepala Bidang Perencanaan: Konfirmasi kehadiran. 15 minutes left (deadline 10.30 WIB).',
    });
  });

  it('stops alerting once answered', async () => {
    const id = await world.post('emergency', 'Konfirmasi kehadiran');
    await world.companion.requests.pollNow('user');
    world.driver.advanceTo(mondayAt('10:20'));
    world.companion.requests.respond(id, 'Hadir.');
    world.driver.advanceTo(mondayAt('11:00'));

    expect(world.alerts.map((alert) => alert.kind)).toEqual(['new', 'reminder']);
    expect(world.driver.armed()).toEqual([]);
  });

  it('fires one missed alert after sleep', async () => {
    await world.post('emergency', 'Konfirmasi kehadiran');
    await world.companion.requests.pollNow('user');
    // Timers armed before sleep do not fire while asleep; the shell recomputes on resume.
    world.driver.jobs.forEach((job) => (job.cancelled = true));
    world.clock = mondayAt('10:40');
    await world.companion.requests.pollNow('resume');

    expect(world.alerts.map((alert) => alert.kind)).toEqual(['new', 'overdue']);
    expect(world.alerts[1]?.late).toBe(true);
  });
});

describe('working window', () => {
  it('holds an urgent request until the window opens', async () => {
    world.clock = mondayAt('17:00');
    await world.post('urgent', 'Revisi anggaran');
    await world.companion.requests.pollNow('user');

    expect(world.alerts).toEqual([]);
    expect(world.driver.armed()).toEqual([Date.parse('2026-04-07T08:00:00+07:00')]);
  });

  it('alerts the held request once when the window opens', async () => {
    world.clock = mondayAt('17:00');
    await world.post('urgent', 'Revisi anggaran');
    await world.companion.requests.pollNow('user');
    world.driver.advanceTo(Date.parse('2026-04-07T09:00:00+07:00'));

    expect(world.alerts.map((alert) => [alert.kind, alert.firedAt, alert.late])).toEqual([['overdue', Date.parse('2026-04-07T08:00:00+07:00'), true]]);
  });

  it('alerts an emergency outside the window at once', async () => {
    world.clock = mondayAt('17:00');
    await world.post('emergency', 'Gangguan layanan');
    await world.companion.requests.pollNow('user');

    expect(world.alerts.map((alert) => [alert.kind, alert.firedAt])).toEqual([['new', mondayAt('17:00')]]);
  });

  it('alerts an urgent request inside the window at once', async () => {
    await world.post('urgent', 'Revisi anggaran');
    await world.companion.requests.pollNow('user');

    expect(world.alerts.map((alert) => [alert.kind, alert.level])).toEqual([['new', 'urgent']]);
  });
});

describe('duplicates and restarts', () => {
  it('stores a request listed twice once', async () => {
    const first = await world.post('urgent', 'Revisi anggaran');
    await world.companion.requests.pollNow('user');
    world.clock += minutes(1);
    const second = await world.post('emergency', 'Gangguan layanan');
    await world.companion.requests.pollNow('user');

    expect(world.companion.requests.list().requests.map((request) => request.id).sort()).toEqual([first, second].sort());
    expect(world.alerts.map((alert) => alert.requestId)).toEqual([first, second]);
  });

  it('does not repeat alerts after a restart', async () => {
    await world.post('emergency', 'Gangguan layanan');
    await world.companion.requests.pollNow('user');
    world.companion.close();

    world.clock = mondayAt('10:05');
    await world.openCompanion();
    world.companion.requests.start();

    expect(world.alerts.map((alert) => alert.kind)).toEqual(['new']);
  });

  it('leaves alerts to the app when nothing listens', async () => {
    world.companion.close();
    const id = await world.post('emergency', 'Gangguan layanan');
    const commandLine = await Companion.open({ dataDir: world.dataDir, now: () => world.clock, secretStore: world.secrets, logSink: silentSink, scheduleDriver: world.driver });
    await commandLine.requests.pollNow('user');
    commandLine.close();

    world.clock = mondayAt('10:01');
    await world.openCompanion();
    world.companion.requests.start();

    expect(world.alerts.map((alert) => [alert.kind, alert.requestId])).toEqual([['new', id]]);
  });

  it('fires an alert missed while closed once', async () => {
    await world.post('emergency', 'Gangguan layanan');
    await world.companion.requests.pollNow('user');
    world.companion.close();

    world.clock = mondayAt('10:20');
    await world.openCompanion();
    world.companion.requests.start();
    world.companion.close();
    await world.openCompanion();
    world.companion.requests.start();

    expect(world.alerts.map((alert) => [alert.kind, alert.fraction, alert.late])).toEqual([
      ['new', null, false],
      ['reminder', 0.5, true],
    ]);
  });
});
