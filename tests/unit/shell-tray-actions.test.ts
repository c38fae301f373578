// What the tray items do, against a real companion on a temporary SQLite database. Only the
// compliance run is replaced, because a real one measures the machine's network and power.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ComplianceSnapshot } from '../../shared/domain';
import { Companion } from '../../electron/core/companion';
import { createLogger, silentSink } from '../../electron/core/logger';
import { MemorySecretStore } from '../../electron/core/secrets/secret-store';
import { createTrayActions } from '../../electron/main/tray-actions';

const snapshot: ComplianceSnapshot = {
  id: 'snap-1',
  createdAt: Date.UTC(2026, 2, 2, 2, 0),
  policyId: 'wfh-asn-2026',
  policyVersion: '1',
  overall: 'warn',
  checks: [],
};

let dataDir: string;
let companion: Companion;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'shell-tray-actions-'));
  companion = await Companion.open({ dataDir, secretStore: new MemorySecretStore(), logSink: silentSink });
});

afterEach(() => {
  companion.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function harness(options: { notificationsSupported?: boolean; runCheck?: () => Promise<ComplianceSnapshot> } = {}) {
  const notifications: Array<{ title: string; body: string }> = [];
  const events: string[] = [];
  const actions = createTrayActions({
    companion: {
      checkIn: (mode) => companion.checkIn(mode),
      checkOut: () => companion.checkOut(),
      language: () => companion.language(),
      runCheck: options.runCheck ?? (() => Promise.resolve(snapshot)),
    },
    setCheckRunning: (running) => events.push(running ? 'check started' : 'check ended'),
    showWindow: () => events.push('window shown'),
    quit: () => events.push('quit'),
    notify: (title, body) => {
      if (options.notificationsSupported === false) return false;
      notifications.push({ title, body });
      return true;
    },
    logger: createLogger(silentSink, 'tray'),
  });
  return { actions, notifications, events };
}

/** Waits until queued promise callbacks have run. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

describe('createTrayActions', () => {
  it('checks in for work from home, then out', () => {
    const { actions, notifications } = harness();

    actions.checkIn();
    expect(companion.status().attendance.session?.mode).toBe('wfh');

    actions.checkOut();
    expect(companion.status().attendance.checkedIn).toBe(false);
    expect(companion.status().outbox.queued).toBe(2);
    expect(notifications).toEqual([]);
  });

  it('reports a refused check-out in Indonesian', () => {
    const { actions, notifications } = harness();

    actions.checkOut();

    expect(notifications).toEqual([
      {
        title: 'Tindakan gagal',
        body: 'Anda belum check-in, jadi tidak ada yang perlu di-check-out. Buka jendela untuk mencoba lagi.',
      },
    ]);
  });

  it('reports in English after a language change', () => {
    companion.setLanguage('en');
    const { actions, notifications } = harness();

    actions.checkIn();
    actions.checkIn();

    expect(notifications).toEqual([
      { title: 'Action failed', body: 'You are already checked in. Check out first. Open the window to try again.' },
    ]);
  });

  it('opens the window without notifications', () => {
    const { actions, events } = harness({ notificationsSupported: false });

    actions.checkOut();

    expect(events).toEqual(['window shown']);
  });

  it('announces the result of a check', async () => {
    const { actions, notifications, events } = harness();

    actions.runCheck();
    await settle();

    expect(events).toEqual(['check started', 'check ended']);
    expect(notifications).toEqual([
      { title: 'Pemeriksaan selesai', body: 'Hasil keseluruhan: Peringatan. Buka jendela untuk melihat rinciannya.' },
    ]);
  });

  it('ignores a second run while one is going', async () => {
    let finish: (value: ComplianceSnapshot) => void = () => {};
    let runs = 0;
    const { actions, events } = harness({
      runCheck: () => {
        runs += 1;
        return new Promise((resolve) => (finish = resolve));
      },
    });

    actions.runCheck();
    actions.runCheck();
    finish(snapshot);
    await settle();

    expect(runs).toBe(1);
    expect(events).toEqual(['check started', 'check ended']);
  });

  it('reports a failed check without details', async () => {
    const { actions, notifications, events } = harness({ runCheck: () => Promise.reject(new Error('ENOSPC: no space left on device')) });

    actions.runCheck();
    await settle();

    expect(events).toEqual(['check started', 'check ended']);
    expect(notifications).toEqual([
      {
        title: 'Tindakan gagal',
        body: 'Terjadi kesalahan tak terduga; rinciannya tercatat di log aplikasi. Buka jendela untuk mencoba lagi.',
      },
    ]);
  });
});
