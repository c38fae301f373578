// Per-check time limits: a NUT server on 127.0.0.1 that accepts the connection and never replies
// keeps the power check past its limit, and the other checks still finish.
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCompliance } from '../../electron/core/compliance/runner';
import { createLogger, silentSink } from '../../electron/core/logger';
import { articleProfile } from '../../electron/core/policy/profiles';
import type { Policy } from '../../electron/core/policy/schema';

let silentNut: Server;
let port: number;
const sockets: Socket[] = [];

beforeAll(async () => {
  silentNut = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => silentNut.listen(0, '127.0.0.1', resolve));
  port = (silentNut.address() as { port: number }).port;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => silentNut.close(() => resolve()));
});

describe('compliance check timeout', () => {
  it('marks a hung check as error and finishes the others', async () => {
    const policy: Policy = { ...articleProfile, power: { ...articleProfile.power, nut: { host: '127.0.0.1', port } } };
    const started = performance.now();

    const snapshot = await runCompliance({
      policy,
      speedEndpoint: null,
      skipSpeed: true,
      now: Date.now,
      logger: createLogger(silentSink),
      checkTimeoutsMs: { speed: 5_000, vpn: 5_000, power: 300 },
    });

    const power = snapshot.checks.find((check) => check.check === 'power')!;
    const vpn = snapshot.checks.find((check) => check.check === 'vpn')!;
    expect(power.verdict).toBe('error');
    expect(power.summary.en).toContain('did not finish within 0.3 s');
    expect(power.summary.id).toContain('tidak selesai dalam 0,3 detik');
    expect(power.evidence).toEqual({ error: 'timed out', timeoutSeconds: 0.3 });
    expect(vpn.summary.en).not.toContain('did not finish');
    expect(snapshot.overall).toBe('error');
    expect(performance.now() - started).toBeLessThan(4_000);
  });

  it('takes the limits from the policy', async () => {
    const policy: Policy = {
      ...articleProfile,
      power: { ...articleProfile.power, nut: { host: '127.0.0.1', port } },
      complianceSchedule: { ...articleProfile.complianceSchedule, checkTimeoutSeconds: { speed: 60, vpn: 30, power: 1 } },
    };

    const snapshot = await runCompliance({ policy, speedEndpoint: null, skipSpeed: true, now: Date.now, logger: createLogger(silentSink) });

    const power = snapshot.checks.find((check) => check.check === 'power')!;
    expect(power.evidence).toEqual({ error: 'timed out', timeoutSeconds: 1 });
    expect(power.policy.timeoutSeconds).toBe(1);
  });
});
