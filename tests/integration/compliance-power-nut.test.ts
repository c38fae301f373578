// The backup-power check against a real NUT server (upsd with dummy-ups drivers on 127.0.0.1), one
// UPS per state of case C33, on a desktop without a battery so that the UPS alone decides.
import type { Systeminformation } from 'systeminformation';
import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkResultSchema, type CheckResult } from '../../shared/domain';
import type { PowerPolicy } from '../../electron/core/compliance/power/decision';
import { runPowerCheck } from '../../electron/core/compliance/power/power-check';
import { createLogger, silentSink } from '../../electron/core/logger';
import { freePort, NUT_MAXAGE_SECONDS, NutTestServer, type UpsVariables } from '../harness/nut';

const basePolicy: PowerPolicy = { minBatteryHealthPercent: 80, minChargePercent: 50, minUpsRuntimeSeconds: 600 };

const desktop = async (): Promise<Systeminformation.BatteryData> => ({
  hasBattery: false,
  cycleCount: 0,
  isCharging: false,
  designedCapacity: 0,
  maxCapacity: 0,
  currentCapacity: 0,
  capacityUnit: '',
  voltage: 0,
  percent: 0,
  timeRemaining: 0,
  acConnected: true,
  type: '',
  model: '',
  manufacturer: '',
  serial: '',
});

const ups = (status: string, charge: number, runtime: number, alarm?: string): UpsVariables => ({
  'ups.status': status,
  'battery.charge': String(charge),
  'battery.runtime': String(runtime),
  'ups.model': 'Test UPS 1200',
  ...(alarm ? { 'ups.alarm': alarm } : {}),
});

type UpsEvidence = { verdict: string; ups: string | null; status?: string; reason?: string; alarm?: string | null; runtimeSeconds?: number };

const nutInstalled = existsSync('/lib/nut/upsd') && existsSync('/lib/nut/dummy-ups');

describe.runIf(nutInstalled)('power check through a NUT server', () => {
  let server: NutTestServer | undefined;

  beforeAll(async () => {
    server = await NutTestServer.start({
      online: ups('OL', 100, 1800),
      onbattery: ups('OB DISCHRG', 80, 1200),
      replace: ups('OL RB', 100, 1800),
      alarm: ups('OL ALARM', 100, 1800, 'Overheat'),
      fsd: ups('FSD OB LB', 5, 30),
      short: ups('OL', 100, 180),
      changing: ups('OL', 100, 1800),
      frozen: ups('OL', 100, 1800),
    });
  }, 30_000);

  afterAll(async () => {
    await server?.stop();
  });

  async function check(upsName: string | undefined, port = server!.port): Promise<CheckResult> {
    const power: PowerPolicy = { ...basePolicy, nut: { host: '127.0.0.1', port, ups: upsName } };
    return checkResultSchema.parse(await runPowerCheck({ power, now: Date.now, logger: createLogger(silentSink), readBattery: desktop }));
  }

  const upsEvidence = (result: CheckResult): UpsEvidence => (result.evidence.ups as UpsEvidence[])[0]!;

  it('passes a UPS on line with enough runtime', async () => {
    const result = await check('online');

    expect(result.verdict).toBe('pass');
    expect(upsEvidence(result)).toMatchObject({ ups: 'online', status: 'OL', runtimeSeconds: 1800, verdict: 'pass' });
    expect(result.summary.id).toContain('30 menit');
  });

  it('warns on battery (OB DISCHRG)', async () => {
    const result = await check('onbattery');

    expect(result.verdict).toBe('warn');
    expect(upsEvidence(result).status).toBe('OB DISCHRG');
    expect(result.summary.id).toContain('Listrik padam');
    expect(result.remediation.length).toBeGreaterThan(0);
  });

  it('fails when the battery must be replaced (OL RB)', async () => {
    const result = await check('replace');

    expect(result.verdict).toBe('fail');
    expect(upsEvidence(result).status).toBe('OL RB');
    expect(result.summary.en).toContain('must be replaced');
  });

  it('fails on an alarm', async () => {
    const result = await check('alarm');

    expect(result.verdict).toBe('fail');
    expect(upsEvidence(result).alarm).toBe('Overheat');
    expect(result.summary.id).toContain('Overheat');
  });

  it('fails on a forced shutdown (FSD)', async () => {
    const result = await check('fsd');

    expect(result.verdict).toBe('fail');
    expect(upsEvidence(result).status).toBe('FSD OB LB');
    expect(result.summary.en).toContain('FSD');
  });

  it('fails 100% charge with 180 s runtime against a 600 s policy', async () => {
    const result = await check('short');

    expect(result.verdict).toBe('fail');
    expect(upsEvidence(result)).toMatchObject({ runtimeSeconds: 180, status: 'OL' });
    expect(result.policy.minUpsRuntimeSeconds).toBe(600);
    expect(result.summary.id).toContain('3 menit');
    expect(result.summary.id).toContain('10 menit');
  });

  it('follows the variables as they change', async () => {
    expect((await check('changing')).verdict).toBe('pass');

    await server!.setVariables('changing', ups('OB DISCHRG', 90, 1500));

    const result = await check('changing');
    expect(result.verdict).toBe('warn');
    expect(upsEvidence(result).status).toBe('OB DISCHRG');
  });

  it('reads the first listed UPS when the policy names none', async () => {
    const result = await check(undefined);

    expect(upsEvidence(result).ups).toBe('online');
  });

  it('is unknown for a UPS the server does not know', async () => {
    const result = await check('nosuchups');

    expect(result.verdict).toBe('unknown');
    expect(upsEvidence(result).reason).toBe('unknown-ups');
  });

  it('is unknown when the data is stale (DATA-STALE)', async () => {
    server!.freezeDriver('frozen');
    await sleep((NUT_MAXAGE_SECONDS + 1.5) * 1000);

    const result = await check('frozen');
    server!.thawDriver('frozen');

    expect(result.verdict).toBe('unknown');
    expect(upsEvidence(result).reason).toBe('stale');
    expect(result.summary.en).toContain('stale');
  });

  it('is unknown when the connection is refused', async () => {
    const result = await check('online', await freePort());

    expect(result.verdict).toBe('unknown');
    expect(upsEvidence(result).reason).toBe('refused');
    expect(result.summary.id).toContain('menolak sambungan');
  });
});
