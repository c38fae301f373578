// The privacy state and the summary of sent data, on a real companion delivering to the reference
// central server on loopback.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PRIVACY_NOTICE_VERSION } from '../../shared/privacy';
import { Companion } from '../../electron/core/companion';
import { createLogger, silentSink } from '../../electron/core/logger';
import { PrivacyService } from '../../electron/core/privacy';
import { MemorySecretStore } from '../../electron/core/secrets/secret-store';
import { DEMO_ENROLLMENT_CODE, startDemoCentral } from '../../electron/main/demo';

const START = Date.UTC(2026, 11, 1, 2, 0);
let dataDir: string;
let clock: number;
let companion: Companion;
let privacy: PrivacyService;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'privacy-'));
  clock = START;
  companion = await Companion.open({ dataDir, secretStore: new MemorySecretStore(), logSink: silentSink, now: () => clock });
  privacy = new PrivacyService(companion.db, () => clock);
});

afterEach(() => {
  companion.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('PrivacyService', () => {
  it('starts with the notice unread and location off', () => {
    expect(privacy.state()).toEqual({ noticeVersion: PRIVACY_NOTICE_VERSION, noticeAcknowledgedAt: null, locationConsent: false, locationChangedAt: null });
  });

  it('remembers the acknowledgement', () => {
    clock = START + 60_000;

    privacy.acknowledgeNotice();

    expect(new PrivacyService(companion.db, () => clock).state().noticeAcknowledgedAt).toBe(START + 60_000);
  });

  it('shows a changed notice again', () => {
    companion.db.prepare("INSERT INTO settings (key, value) VALUES ('privacy.notice', ?)").run(JSON.stringify({ version: PRIVACY_NOTICE_VERSION - 1, at: START }));

    expect(privacy.state().noticeAcknowledgedAt).toBeNull();
  });

  it('treats a damaged setting as unread', () => {
    companion.db.prepare("INSERT INTO settings (key, value) VALUES ('privacy.notice', '{not json')").run();

    expect(privacy.state().noticeAcknowledgedAt).toBeNull();
  });

  it('turns location on and off', () => {
    expect(privacy.setLocationConsent(true).locationConsent).toBe(true);
    clock += 1000;
    const off = privacy.setLocationConsent(false);

    expect(off.locationConsent).toBe(false);
    expect(off.locationChangedAt).toBe(START + 1000);
  });

  it('lists nothing before delivery', () => {
    companion.checkIn('wfh');

    expect(privacy.sentData()).toEqual({ kinds: [], total: 0 });
  });

  it('summarises what the server received', async () => {
    const central = await startDemoCentral(dataDir, createLogger(silentSink));
    try {
      await companion.enroll(central.url, DEMO_ENROLLMENT_CODE);
      companion.checkIn('wfh');
      clock += 3_600_000;
      companion.checkOut();
      clock += 1000;
      await companion.flush();

      const sent = privacy.sentData();

      expect(sent.total).toBe(2);
      expect(sent.kinds.map((kind) => kind.type)).toEqual(['attendance.check_in', 'attendance.check_out']);
      expect(JSON.parse(sent.kinds[1]!.latestPayloadJson)).toMatchObject({ mode: 'wfh', startedAt: START, endedAt: START + 3_600_000 });
      expect(sent.kinds[0]!.count).toBe(1);
    } finally {
      await central.close();
    }
  });
});
